from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint

from backend.db_constraints import EnforceChecks

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='MaintenancePolicy',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('key', fields.CharField(default='default', unique=True, max_length=20)),
                ('term_months', fields.IntField(default=12)),
                ('renewal_bps', fields.IntField(default=5000)),
                ('grace_days', fields.IntField(default=30)),
                ('reinstatement_fee_bps', fields.IntField(default=2000)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'catalog_maintenance_policy', 'app': 'models', 'constraints': [CheckConstraint(check="key = 'default'", name='catalog_maintenance_policy_singleton'), CheckConstraint(check='term_months > 0', name='catalog_maintenance_term_positive'), CheckConstraint(check='renewal_bps >= 0 AND renewal_bps <= 100000', name='catalog_maintenance_renewal_range'), CheckConstraint(check='grace_days >= 0', name='catalog_maintenance_grace_positive'), CheckConstraint(check='reinstatement_fee_bps >= 0 AND reinstatement_fee_bps <= 100000', name='catalog_maintenance_fee_range')], 'pk_attr': 'id', 'table_description': 'Maintenance & Support terms: exactly one row, keyed ``default``.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Product',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('code', fields.CharField(unique=True, max_length=40)),
                ('name', fields.CharField(max_length=100)),
                ('unit', fields.CharField(description='What a seat counts: mailboxes, agents...', max_length=40)),
                ('description', fields.TextField(default='', unique=False)),
                ('position', fields.IntField(default=0)),
            ],
            options={'table': 'catalog_product', 'app': 'models', 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Edition',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('product', fields.ForeignKeyField('models.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='editions', on_delete=OnDelete.RESTRICT)),
                ('code', fields.CharField(max_length=40)),
                ('name', fields.CharField(max_length=100)),
                ('description', fields.TextField(default='', unique=False)),
                ('rank', fields.IntField(description='Upgrade order: a higher rank is a higher edition.')),
            ],
            options={'table': 'catalog_edition', 'app': 'models', 'unique_together': (('product', 'code'), ('product', 'rank')), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Addon',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('product', fields.ForeignKeyField('models.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='addons', on_delete=OnDelete.RESTRICT)),
                ('code', fields.CharField(max_length=40)),
                ('name', fields.CharField(max_length=100)),
                ('description', fields.TextField(default='', unique=False)),
                ('position', fields.IntField(default=0)),
                ('allowed_editions', fields.ManyToManyField('models.Edition', unique=True, db_constraint=True, through='catalog_addon_edition', forward_key='edition_id', backward_key='addon_id', related_name='addons', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'catalog_addon', 'app': 'models', 'unique_together': (('product', 'code'),), 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Reseller',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=200)),
                ('discount_bps', fields.IntField(default=0, description='Discount in basis points (2000 = 20%).')),
                ('may_pay_by_invoice', fields.BooleanField(default=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'accounts_reseller', 'app': 'models', 'constraints': [CheckConstraint(check='discount_bps >= 0 AND discount_bps <= 10000', name='accounts_reseller_discount_range')], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Tier',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('product', fields.ForeignKeyField('models.Product', source_field='product_id', db_constraint=True, to_field='id', related_name='tiers', on_delete=OnDelete.RESTRICT)),
                ('code', fields.CharField(description='Seat count ("250") or "unlimited".', max_length=40)),
                ('name', fields.CharField(max_length=100)),
                ('seats', fields.IntField(null=True, description='Null for unlimited.')),
                ('rank', fields.IntField(description='Upgrade order: a higher rank is a bigger tier.')),
            ],
            options={'table': 'catalog_tier', 'app': 'models', 'unique_together': (('product', 'code'), ('product', 'rank')), 'constraints': [CheckConstraint(check='seats IS NULL OR seats > 0', name='catalog_tier_seats_positive')], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AddonPrice',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('addon', fields.ForeignKeyField('models.Addon', source_field='addon_id', db_constraint=True, to_field='id', related_name='prices', on_delete=OnDelete.RESTRICT)),
                ('tier', fields.ForeignKeyField('models.Tier', source_field='tier_id', db_constraint=True, to_field='id', related_name='addon_prices', on_delete=OnDelete.RESTRICT)),
                ('yearly_amount_cents', fields.BigIntField()),
                ('currency', fields.CharField(default='USD', max_length=3)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'catalog_addon_price', 'app': 'models', 'unique_together': (('addon', 'tier'),), 'constraints': [CheckConstraint(check='yearly_amount_cents >= 0', name='catalog_addon_price_not_negative')], 'pk_attr': 'id', 'table_description': "An add-on's yearly price for one seat tier."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ListPrice',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('edition', fields.ForeignKeyField('models.Edition', source_field='edition_id', db_constraint=True, to_field='id', related_name='prices', on_delete=OnDelete.RESTRICT)),
                ('tier', fields.ForeignKeyField('models.Tier', source_field='tier_id', db_constraint=True, to_field='id', related_name='prices', on_delete=OnDelete.RESTRICT)),
                ('amount_cents', fields.BigIntField()),
                ('currency', fields.CharField(default='USD', max_length=3)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'catalog_list_price', 'app': 'models', 'unique_together': (('edition', 'tier'),), 'constraints': [CheckConstraint(check='amount_cents >= 0', name='catalog_list_price_not_negative')], 'pk_attr': 'id', 'table_description': 'The list price of one (edition, tier). A combination without a row is not on sale.'},
            bases=['Model'],
        ),
        EnforceChecks('MaintenancePolicy'),
        EnforceChecks('Reseller'),
        EnforceChecks('Tier'),
        EnforceChecks('AddonPrice'),
        EnforceChecks('ListPrice'),
    ]
