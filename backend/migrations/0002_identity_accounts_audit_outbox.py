from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from backend.accounts.models import MailingList, ResellerStatus
from backend.identity.models import TokenPurpose
from backend.identity.roles import Role
from backend.notifications.models import OutboxStatus
from json import dumps, loads
from tortoise.fields.base import OnDelete
from tortoise import fields
from tortoise.indexes import Index
from tortoise.migrations.constraints import CheckConstraint

from backend.db_constraints import EnforceChecks

class Migration(migrations.Migration):
    dependencies = [('models', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('reseller', fields.ForeignKeyField('models.Reseller', source_field='reseller_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.RESTRICT)),
                ('actor_user_id', fields.IntField(null=True, description='The user who acted, if any.')),
                ('actor_api_key_id', fields.IntField(null=True, description='The API key that acted, if any.')),
                ('actor_label', fields.CharField(description='Who acted, as people read it.', max_length=300)),
                ('action', fields.CharField(description='What happened, e.g. employee.add.', max_length=60)),
                ('target_type', fields.CharField(default='', max_length=40)),
                ('target_id', fields.CharField(default='', max_length=40)),
                ('target_label', fields.CharField(default='', max_length=300)),
                ('changes', fields.JSONField(default=dict, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('ip_address', fields.CharField(default='', max_length=64)),
                ('request_id', fields.CharField(default='', max_length=64)),
            ],
            options={'table': 'audit_event', 'app': 'models', 'indexes': [Index(fields=['reseller_id', 'occurred_at']), Index(fields=['action', 'occurred_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LoginFailure',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('key', fields.CharField(max_length=300)),
                ('attempted_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_login_failure', 'app': 'models', 'indexes': [Index(fields=['key', 'attempted_at'])], 'pk_attr': 'id', 'table_description': 'A failed (or refused) sign-in, kept for the throttle: one row per attempt and key.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OutboxMessage',
            fields=[
                ('id', fields.BigIntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('message_id', fields.CharField(unique=True, description='The Message-ID.', max_length=200)),
                ('template', fields.CharField(max_length=60)),
                ('reseller', fields.ForeignKeyField('models.Reseller', source_field='reseller_id', null=True, db_constraint=True, to_field='id', related_name='outbox_messages', on_delete=OnDelete.RESTRICT)),
                ('recipients', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('subject', fields.CharField(max_length=300)),
                ('text_body', fields.TextField(unique=False)),
                ('html_body', fields.TextField(unique=False)),
                ('attachments', fields.JSONField(default=list, description='Each a filename, content_type and base64 content.', encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('status', fields.CharEnumField(default=OutboxStatus.PENDING, description='PENDING: PENDING\nSENT: SENT\nFAILED: FAILED', enum_type=OutboxStatus, max_length=20)),
                ('attempts', fields.IntField(default=0)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('next_attempt_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('claimed_by', fields.CharField(null=True, max_length=100)),
                ('claimed_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('last_error', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'notifications_outbox_message', 'app': 'models', 'constraints': [CheckConstraint(check='attempts >= 0', name='notifications_outbox_attempts')], 'indexes': [Index(fields=['status', 'next_attempt_at'])], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='User',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('email', fields.CharField(unique=True, description='Lower case.', max_length=254)),
                ('name', fields.CharField(default='', max_length=200)),
                ('password_hash', fields.CharField(null=True, description='Argon2id.', max_length=200)),
                ('role', fields.CharEnumField(description='VENDOR_ADMIN: VENDOR_ADMIN\nRESELLER_OWNER: RESELLER_OWNER\nRESELLER_PURCHASER: RESELLER_PURCHASER\nRESELLER_BILLING: RESELLER_BILLING\nRESELLER_VIEWER: RESELLER_VIEWER\nCUSTOMER: CUSTOMER', enum_type=Role, max_length=30)),
                ('reseller', fields.ForeignKeyField('models.Reseller', source_field='reseller_id', null=True, db_constraint=True, to_field='id', related_name='users', on_delete=OnDelete.RESTRICT)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('last_login_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_user', 'app': 'models', 'constraints': [CheckConstraint(check="(role IN ('VENDOR_ADMIN', 'CUSTOMER')) = (reseller_id IS NULL)", name='identity_user_reseller_matches_role')], 'pk_attr': 'id', 'table_description': 'A login. Reseller staff belong to one reseller, vendor admins and customers to none.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='ApiKey',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('reseller', fields.ForeignKeyField('models.Reseller', source_field='reseller_id', db_constraint=True, to_field='id', related_name='api_keys', on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=100)),
                ('role', fields.CharEnumField(description='VENDOR_ADMIN: VENDOR_ADMIN\nRESELLER_OWNER: RESELLER_OWNER\nRESELLER_PURCHASER: RESELLER_PURCHASER\nRESELLER_BILLING: RESELLER_BILLING\nRESELLER_VIEWER: RESELLER_VIEWER\nCUSTOMER: CUSTOMER', enum_type=Role, max_length=30)),
                ('prefix', fields.CharField(unique=True, max_length=20)),
                ('secret_hash', fields.CharField(unique=True, max_length=64)),
                ('created_by', fields.ForeignKeyField('models.User', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='created_api_keys', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_api_key', 'app': 'models', 'constraints': [CheckConstraint(check="role IN ('RESELLER_PURCHASER', 'RESELLER_BILLING', 'RESELLER_VIEWER')", name='identity_api_key_role')], 'pk_attr': 'id', 'table_description': "A partner server's credential: acts for one reseller with one role."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Employee',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('reseller', fields.ForeignKeyField('models.Reseller', source_field='reseller_id', db_constraint=True, to_field='id', related_name='employees', on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=200)),
                ('email', fields.CharField(description='Lower case.', max_length=254)),
                ('phone', fields.CharField(default='', max_length=40)),
                ('job_title', fields.CharField(default='', max_length=100)),
                ('user', fields.OneToOneField('models.User', source_field='user_id', null=True, db_constraint=True, to_field='id', related_name='employee', on_delete=OnDelete.RESTRICT)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('updated_at', fields.DatetimeField(auto_now=True, auto_now_add=False)),
            ],
            options={'table': 'accounts_employee', 'app': 'models', 'unique_together': (('reseller', 'email'),), 'pk_attr': 'id', 'table_description': 'A person of a reseller: with a login (``user``) and its role, or a contact without one.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='MailingListSubscription',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('reseller', fields.ForeignKeyField('models.Reseller', source_field='reseller_id', db_constraint=True, to_field='id', related_name='subscriptions', on_delete=OnDelete.RESTRICT)),
                ('employee', fields.ForeignKeyField('models.Employee', source_field='employee_id', db_constraint=True, to_field='id', related_name='subscriptions', on_delete=OnDelete.CASCADE)),
                ('mailing_list', fields.CharEnumField(description='PRODUCT_NEWS: PRODUCT_NEWS\nSECURITY_ADVISORIES: SECURITY_ADVISORIES\nBILLING_NOTICES: BILLING_NOTICES', enum_type=MailingList, max_length=30)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'accounts_mailing_list_subscription', 'app': 'models', 'unique_together': (('employee', 'mailing_list'),), 'pk_attr': 'id', 'table_description': 'One employee receives one mailing list.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Session',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('revoked_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('ip_address', fields.CharField(default='', max_length=64)),
                ('user_agent', fields.CharField(default='', max_length=300)),
            ],
            options={'table': 'identity_session', 'app': 'models', 'pk_attr': 'id', 'table_description': 'A signed-in browser. The cookie holds a random id, of which only the hash is stored.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SetPasswordToken',
            fields=[
                ('id', fields.IntField(generated=True, primary_key=True, unique=True, db_index=True)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('user', fields.ForeignKeyField('models.User', source_field='user_id', db_constraint=True, to_field='id', related_name='set_password_tokens', on_delete=OnDelete.CASCADE)),
                ('purpose', fields.CharEnumField(description='INVITE: INVITE\nNEW_CUSTOMER: NEW_CUSTOMER\nRESET: RESET', enum_type=TokenPurpose, max_length=20)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'identity_set_password_token', 'app': 'models', 'pk_attr': 'id', 'table_description': "A one-time, expiring link to choose a password. Only the token's hash is stored."},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='Reseller',
            name='address_line1',
            field=fields.CharField(default='', max_length=200),
        ),
        ops.AddField(
            model_name='Reseller',
            name='address_line2',
            field=fields.CharField(default='', max_length=200),
        ),
        ops.AddField(
            model_name='Reseller',
            name='billing_email',
            field=fields.CharField(default='', max_length=254),
        ),
        ops.AddField(
            model_name='Reseller',
            name='city',
            field=fields.CharField(default='', max_length=100),
        ),
        ops.AddField(
            model_name='Reseller',
            name='contact_name',
            field=fields.CharField(default='', max_length=200),
        ),
        ops.AddField(
            model_name='Reseller',
            name='country',
            field=fields.CharField(default='', description='ISO 3166 alpha-2 code.', max_length=2),
        ),
        ops.AddField(
            model_name='Reseller',
            name='notify_invoice_created',
            field=fields.BooleanField(default=True),
        ),
        ops.AddField(
            model_name='Reseller',
            name='notify_license_assigned',
            field=fields.BooleanField(default=True),
        ),
        ops.AddField(
            model_name='Reseller',
            name='notify_summary_invoice_created',
            field=fields.BooleanField(default=True),
        ),
        ops.AddField(
            model_name='Reseller',
            name='phone',
            field=fields.CharField(default='', max_length=40),
        ),
        ops.AddField(
            model_name='Reseller',
            name='postal_code',
            field=fields.CharField(default='', max_length=20),
        ),
        ops.AddField(
            model_name='Reseller',
            name='region',
            field=fields.CharField(default='', max_length=100),
        ),
        ops.AddField(
            model_name='Reseller',
            name='status',
            field=fields.CharEnumField(default=ResellerStatus.ACTIVE, description='ACTIVE: ACTIVE\nSUSPENDED: SUSPENDED', enum_type=ResellerStatus, max_length=20),
        ),
        ops.AddField(
            model_name='Reseller',
            name='updated_at',
            field=fields.DatetimeField(auto_now=True, auto_now_add=False),
        ),
        EnforceChecks('User'),
        EnforceChecks('ApiKey'),
        EnforceChecks('OutboxMessage'),
    ]
