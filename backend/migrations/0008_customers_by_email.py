from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('models', '0007_catalog_version')]

    initial = False

    operations = [
        ops.AddIndex(
            model_name='User',
            index=Index(fields=['role', 'email', 'id']),
        ),
    ]
