from tortoise import migrations

from backend.licensing.email_search import EmailSearchIndex


class Migration(migrations.Migration):
    dependencies = [("models", "0008_customers_by_email")]

    initial = False

    operations = [
        EmailSearchIndex(),
    ]
