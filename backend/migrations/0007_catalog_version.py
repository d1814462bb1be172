from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.migrations.constraints import CheckConstraint

from backend.catalog.versioning import CatalogVersionTriggers
from backend.db_constraints import EnforceChecks

class Migration(migrations.Migration):
    dependencies = [('models', '0006_list_indexes')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CatalogVersion',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('version', fields.CharField(max_length=32)),
            ],
            options={'table': 'catalog_version', 'app': 'models', 'constraints': [CheckConstraint(check='id = 1', name='catalog_version_singleton')], 'pk_attr': 'id', 'table_description': 'One row whose ``version`` changes with every write to a catalog table.'},
            bases=['Model'],
        ),
        EnforceChecks('CatalogVersion'),
        CatalogVersionTriggers(),
    ]
