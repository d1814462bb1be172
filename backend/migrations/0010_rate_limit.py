from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint

from backend.db_constraints import EnforceChecks


class Migration(migrations.Migration):
    dependencies = [('models', '0009_email_search')]

    initial = False

    operations = [
        ops.CreateModel(
            name='RateLimitWindow',
            fields=[
                ('key', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=100)),
                ('window_start', fields.FloatField()),
                ('used', fields.BigIntField()),
                ('allowed', fields.BooleanField()),
            ],
            options={'table': 'identity_rate_limit_window', 'app': 'models', 'constraints': [CheckConstraint(check='used >= 0', name='identity_rate_limit_used')], 'pk_attr': 'key', 'table_description': "A caller's rate-limit window on PostgreSQL, shared by every server process: the points"},
            bases=['Model'],
        ),
        EnforceChecks('RateLimitWindow'),
    ]
