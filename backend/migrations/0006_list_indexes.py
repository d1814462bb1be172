from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0005_billing')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='Employee',
            index=Index(fields=['reseller_id', 'name', 'id']),
        ),
        ops.AddIndex(
            model_name='Employee',
            index=Index(fields=['reseller_id', 'created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Invoice',
            index=Index(fields=['reseller_id', 'number']),
        ),
        ops.AddIndex(
            model_name='Invoice',
            index=Index(fields=['reseller_id', 'total_cents', 'id']),
        ),
        ops.AddIndex(
            model_name='Invoice',
            index=Index(fields=['issued_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Invoice',
            index=Index(fields=['total_cents', 'id']),
        ),
        ops.AddIndex(
            model_name='License',
            index=Index(fields=['reseller_id', 'key']),
        ),
        ops.AddIndex(
            model_name='License',
            index=Index(fields=['reseller_id', 'maintenance_expires_at', 'id']),
        ),
        ops.AddIndex(
            model_name='License',
            index=Index(fields=['created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='License',
            index=Index(fields=['maintenance_expires_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Order',
            index=Index(fields=['reseller_id', 'payment_method', 'placed_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Order',
            index=Index(fields=['reseller_id', 'number']),
        ),
        ops.AddIndex(
            model_name='Order',
            index=Index(fields=['reseller_id', 'total_cents', 'id']),
        ),
        ops.AddIndex(
            model_name='Order',
            index=Index(fields=['placed_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Order',
            index=Index(fields=['total_cents', 'id']),
        ),
        ops.AddIndex(
            model_name='Payment',
            index=Index(fields=['reseller_id', 'kind', 'received_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Payment',
            index=Index(fields=['reseller_id', 'amount_cents', 'id']),
        ),
        ops.AddIndex(
            model_name='Payment',
            index=Index(fields=['received_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Payment',
            index=Index(fields=['amount_cents', 'id']),
        ),
        ops.AddIndex(
            model_name='Payment',
            index=Index(fields=['invoice_id']),
        ),
        ops.AddIndex(
            model_name='Reseller',
            index=Index(fields=['created_at', 'id']),
        ),
        ops.AddIndex(
            model_name='Reseller',
            index=Index(fields=['discount_bps', 'id']),
        ),
        ops.AddIndex(
            model_name='User',
            index=Index(fields=['role', 'name', 'id']),
        ),
        ops.AddIndex(
            model_name='User',
            index=Index(fields=['role', 'created_at', 'id']),
        ),
    ]
