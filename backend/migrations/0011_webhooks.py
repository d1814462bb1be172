from tortoise import migrations
from tortoise.migrations import operations as ops
from backend.webhooks.models import DeliveryStatus
from orjson import loads
from tortoise.fields.base import OnDelete
from tortoise.fields.data import JSON_DUMPS
from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import CheckConstraint

from backend.db_constraints import EnforceChecks

class Migration(migrations.Migration):
    dependencies = [('models', '0010_rate_limit')]

    initial = False

    operations = [
        ops.CreateModel(
            name='WebhookEndpoint',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('reseller', fields.ForeignKeyField('models.Reseller', source_field='reseller_id', db_constraint=True, to_field='id', related_name='webhook_endpoints', on_delete=OnDelete.RESTRICT)),
                ('url', fields.CharField(max_length=2000)),
                ('description', fields.CharField(default='', max_length=200)),
                ('events', fields.JSONField(default=list, description='Subscribed event types.', encoder=JSON_DUMPS, decoder=loads)),
                ('secret_encrypted', fields.TextField(description='The signing secret, AES-GCM encrypted.', unique=False)),
                ('previous_secret_encrypted', fields.TextField(null=True, description='The secret before the last roll, still signing until it expires.', unique=False)),
                ('previous_secret_expires_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='webhook_endpoints', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('disabled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'webhooks_endpoint', 'app': 'models', 'indexes': [Index(fields=['reseller_id', 'created_at', 'id'])], 'pk_attr': 'id', 'table_description': "A URL of a reseller's that receives the events it subscribes to."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WebhookEvent',
            fields=[
                ('id', fields.CharField(primary_key=True, unique=True, db_index=True, description='evt_<random>', max_length=40)),
                ('reseller', fields.ForeignKeyField('models.Reseller', source_field='reseller_id', db_constraint=True, to_field='id', related_name='webhook_events', on_delete=OnDelete.RESTRICT)),
                ('type', fields.CharField(max_length=40)),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('payload', fields.JSONField(description='The object, as the API shows it.', encoder=JSON_DUMPS, decoder=loads)),
                ('dedupe_key', fields.CharField(null=True, unique=True, description='Makes an event that must happen once (M&S expiring) unique.', max_length=200)),
            ],
            options={'table': 'webhooks_event', 'app': 'models', 'pk_attr': 'id', 'table_description': "Something that happened to a reseller's account, as sent to its endpoints."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WebhookDelivery',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('event', fields.ForeignKeyField('models.WebhookEvent', source_field='event_id', db_constraint=True, to_field='id', related_name='deliveries', on_delete=OnDelete.CASCADE)),
                ('endpoint', fields.ForeignKeyField('models.WebhookEndpoint', source_field='endpoint_id', db_constraint=True, to_field='id', related_name='deliveries', on_delete=OnDelete.CASCADE)),
                ('status', fields.CharEnumField(default=DeliveryStatus.PENDING, description='PENDING: PENDING\nSUCCEEDED: SUCCEEDED\nFAILED: FAILED', enum_type=DeliveryStatus, max_length=20)),
                ('attempts', fields.IntField(default=0, description='Attempts since the last (re)delivery.')),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('claimed_by', fields.CharField(null=True, max_length=100)),
                ('claimed_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_status_code', fields.IntField(null=True)),
                ('last_error', fields.TextField(default='', unique=False)),
                ('delivered_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'webhooks_delivery', 'app': 'models', 'unique_together': (('event_id', 'endpoint_id'),), 'constraints': [CheckConstraint(check='attempts >= 0', name='webhooks_delivery_attempts')], 'indexes': [Index(fields=['status', 'next_attempt_at']), Index(fields=['endpoint_id', 'created_at', 'id'])], 'pk_attr': 'id', 'table_description': 'One event to one endpoint: claimed, sent and retried like the email outbox.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WebhookAttempt',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('delivery', fields.ForeignKeyField('models.WebhookDelivery', source_field='delivery_id', db_constraint=True, to_field='id', related_name='attempt_log', on_delete=OnDelete.CASCADE)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('status_code', fields.IntField(null=True, description='The HTTP status, null when no answer came.')),
                ('error', fields.TextField(default='', description='Why it failed, when it did.', unique=False)),
                ('duration_ms', fields.IntField()),
            ],
            options={'table': 'webhooks_attempt', 'app': 'models', 'constraints': [CheckConstraint(check='duration_ms >= 0', name='webhooks_attempt_duration')], 'indexes': [Index(fields=['delivery_id', 'at', 'id'])], 'pk_attr': 'id', 'table_description': 'One HTTP request of a delivery: the delivery log.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='WebhookJobRun',
            fields=[
                ('key', fields.CharField(primary_key=True, unique=True, db_index=True, description='job:YYYY-MM-DD', max_length=100)),
                ('claimed_by', fields.CharField(null=True, max_length=100)),
                ('claimed_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('done_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'webhooks_job_run', 'app': 'models', 'pk_attr': 'key', 'table_description': "A periodic job's run of one day, claimed by one process (like ``BillingPeriod``)."},
            bases=['Model'],
        ),
        EnforceChecks('WebhookDelivery'),
        EnforceChecks('WebhookAttempt'),
    ]
