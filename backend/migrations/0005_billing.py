from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import CheckConstraint, UniqueConstraint

from backend.db_constraints import AddCheck, EnforceChecks

class Migration(migrations.Migration):
    dependencies = [('models', '0004_license_lifecycle')]

    initial = False

    operations = [
        ops.CreateModel(
            name='BillingPeriod',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('period', fields.CharField(unique=True, description='YYYY-MM.', max_length=7)),
                ('claimed_by', fields.CharField(default='', max_length=100)),
                ('claimed_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('closed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('closed_by_label', fields.CharField(default='', max_length=300)),
                ('summary_count', fields.IntField(default=0, description='Summary invoices made by the close.')),
                ('invoice_count', fields.IntField(default=0, description='Invoices they collect.')),
                ('total_cents', fields.BigIntField(default=0, description="The summaries' total.")),
            ],
            options={'table': 'billing_period', 'app': 'models', 'constraints': [CheckConstraint(check='summary_count >= 0 AND invoice_count >= summary_count AND total_cents >= 0', name='billing_period_counts')], 'pk_attr': 'id', 'table_description': 'The closing of one month: who closes it now (a lease) and, once closed, what it made.'},
            bases=['Model'],
        ),
        EnforceChecks('BillingPeriod'),
        ops.AlterModelOptions(
            name='IdempotencyRecord',
            options={'table': 'commerce_idempotency_record', 'app': 'models', 'unique_together': (('reseller', 'key'),), 'pk_attr': 'id', 'table_description': 'An idempotency key of a checkout or an invoice payment: claimed before the charge,'},
        ),
        ops.AddField(
            model_name='IdempotencyRecord',
            name='payment',
            field=fields.ForeignKeyField('models.Payment', source_field='payment_id', null=True, description='The payment of an invoice made with the key (payInvoice).', db_constraint=True, to_field='id', related_name='idempotency_records', on_delete=OnDelete.CASCADE),
        ),
        ops.AddField(
            model_name='Invoice',
            name='period',
            field=fields.CharField(null=True, description="A summary's month, YYYY-MM (null for an order's).", max_length=7),
        ),
        ops.AddIndex(
            model_name='Invoice',
            index=Index(fields=['status', 'issued_at']),
        ),
        ops.RemoveIndex(
            model_name='Invoice',
            name=None,
            fields=['reseller_id', 'status'],
        ),
        ops.AddIndex(
            model_name='Invoice',
            index=Index(fields=['reseller_id', 'status', 'issued_at']),
        ),
        ops.AddConstraint(
            model_name='Invoice',
            constraint=UniqueConstraint(fields=('reseller', 'period'), name=None),
        ),
        AddCheck(
            model_name='Invoice',
            constraint=CheckConstraint(check="(kind = 'SUMMARY') = (period IS NOT NULL)", name='billing_invoice_period_matches_kind'),
        ),
    ]
