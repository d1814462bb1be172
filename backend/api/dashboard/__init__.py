"""The home page's figures (``dashboard``) and the header's jump-to search (``search``)."""
