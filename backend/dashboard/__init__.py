"""The home page's figures and the header's jump-to search, each a fixed number of SQL queries."""
