from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import CheckConstraint, UniqueConstraint

from backend.db_constraints import AddCheck, EnforceChecks

class Migration(migrations.Migration):
    dependencies = [('models', '0003_commerce_billing_licensing')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Installation',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('license', fields.ForeignKeyField('models.License', source_field='license_id', db_constraint=True, to_field='id', related_name='installations', on_delete=OnDelete.RESTRICT)),
                ('active_license_id', fields.IntField(null=True, unique=True)),
                ('fingerprint', fields.CharField(description="The installation's own id.", max_length=200)),
                ('hostname', fields.CharField(max_length=255)),
                ('revision', fields.IntField(description='The license revision its certificate holds.')),
                ('activated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('certificate_issued_at', fields.DatetimeField(description='When it last got a certificate.', auto_now=False, auto_now_add=False)),
                ('last_checked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('ip_address', fields.CharField(default='', max_length=64)),
                ('deactivated_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('deactivated_by', fields.CharField(default='', description='Who, if anyone.', max_length=300)),
            ],
            options={'table': 'licensing_installation', 'app': 'models', 'constraints': [CheckConstraint(check='active_license_id IS NULL OR active_license_id = license_id', name='licensing_installation_active_license'), CheckConstraint(check='(active_license_id IS NULL) = (deactivated_at IS NOT NULL)', name='licensing_installation_deactivation'), CheckConstraint(check='revision >= 1', name='licensing_installation_revision')], 'indexes': [Index(fields=['license_id', 'activated_at'])], 'pk_attr': 'id', 'table_description': 'A server where a license was activated, holding a certificate of one revision.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='CartLine',
            name='license',
            field=fields.ForeignKeyField('models.License', source_field='license_id', null=True, description='The license an upgrade or M&S line modifies.', db_constraint=True, to_field='id', related_name='cart_lines', on_delete=OnDelete.CASCADE),
        ),
        ops.AddField(
            model_name='CartLine',
            name='years',
            field=fields.IntField(null=True, description='Years of M&S bought (M&S lines).'),
        ),
        ops.AddConstraint(
            model_name='CartLine',
            constraint=UniqueConstraint(fields=('user', 'license', 'kind'), name=None),
        ),
        AddCheck(
            model_name='CartLine',
            constraint=CheckConstraint(check="(kind = 'NEW_LICENSE') = (license_id IS NULL)", name='commerce_cart_line_modification_1'),
        ),
        AddCheck(
            model_name='CartLine',
            constraint=CheckConstraint(check="(kind IN ('MAINTENANCE_RENEWAL', 'MAINTENANCE_REINSTATEMENT')) = (years IS NOT NULL)", name='commerce_cart_line_modification_2'),
        ),
        AddCheck(
            model_name='CartLine',
            constraint=CheckConstraint(check='years IS NULL OR (years >= 1 AND years <= 5)', name='commerce_cart_line_modification_3'),
        ),
        AddCheck(
            model_name='CartLine',
            constraint=CheckConstraint(check="kind = 'NEW_LICENSE' OR (quantity = 1 AND assign_to_email IS NULL AND NOT personal)", name='commerce_cart_line_modification_4'),
        ),
        ops.AddIndex(
            model_name='License',
            index=Index(fields=['customer_id', 'created_at']),
        ),
        ops.AddField(
            model_name='OrderLine',
            name='change',
            field=fields.JSONField(null=True, description="A modification's license before and after, as applied.", encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads),
        ),
        ops.AddField(
            model_name='OrderLine',
            name='license',
            field=fields.ForeignKeyField('models.License', source_field='license_id', null=True, description='The license an upgrade or M&S line modified.', db_constraint=True, to_field='id', related_name='order_lines', on_delete=OnDelete.RESTRICT),
        ),
        ops.AddField(
            model_name='OrderLine',
            name='years',
            field=fields.IntField(null=True, description='Years of M&S bought (M&S lines).'),
        ),
        ops.AddIndex(
            model_name='OrderLine',
            index=Index(fields=['license_id']),
        ),
        AddCheck(
            model_name='OrderLine',
            constraint=CheckConstraint(check="(kind = 'NEW_LICENSE') = (license_id IS NULL)", name='commerce_order_line_modification_1'),
        ),
        AddCheck(
            model_name='OrderLine',
            constraint=CheckConstraint(check="(kind IN ('MAINTENANCE_RENEWAL', 'MAINTENANCE_REINSTATEMENT')) = (years IS NOT NULL)", name='commerce_order_line_modification_2'),
        ),
        AddCheck(
            model_name='OrderLine',
            constraint=CheckConstraint(check='years IS NULL OR (years >= 1 AND years <= 5)', name='commerce_order_line_modification_3'),
        ),
        AddCheck(
            model_name='OrderLine',
            constraint=CheckConstraint(check="kind = 'NEW_LICENSE' OR (quantity = 1 AND assign_to_email IS NULL AND NOT personal)", name='commerce_order_line_modification_4'),
        ),
        EnforceChecks('Installation'),
    ]
