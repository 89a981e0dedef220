"""The skills checklist moves from the recordings app to an app of its own.

The tables stay as they are here (the state alone moves); the next migration renames them.
Content types move with the models, so revisions, permissions and log entries keep pointing at
the checklist.
"""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

MODELS = ("checklistversion", "skillschecklist", "skillschecklistitem")


def move_content_types(apps, schema_editor, old="recordings", new="checklist"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        if not ContentType.objects.filter(app_label=new, model=model).exists():
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, old="checklist", new="recordings")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("recordings", "0005_editors_do_not_add_checklists"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name='ChecklistVersion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('number', models.PositiveIntegerField(unique=True)),
                        ('label', models.CharField(max_length=40, unique=True)),
                        ('data', models.JSONField(help_text='The checklist as the scorer reads it.')),
                        ('notes', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('published_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('revision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision')),
                    ],
                    options={
                        'db_table': 'recordings_checklistversion',
                        'ordering': ['-number'],
                        'get_latest_by': 'number',
                    },
                ),
                migrations.CreateModel(
                    name='SkillsChecklist',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('live', models.BooleanField(default=True, editable=False, verbose_name='live')),
                        ('has_unpublished_changes', models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes')),
                        ('first_published_at', models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at')),
                        ('last_published_at', models.DateTimeField(editable=False, null=True, verbose_name='last published at')),
                        ('go_live_at', models.DateTimeField(blank=True, null=True, verbose_name='go live date/time')),
                        ('expire_at', models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time')),
                        ('expired', models.BooleanField(default=False, editable=False, verbose_name='expired')),
                        ('name', models.CharField(default='SEEDS skills checklist', max_length=120)),
                        ('notes', models.TextField(blank=True, help_text='What changed in this version, and why.')),
                        ('latest_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision')),
                        ('live_revision', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision')),
                    ],
                    options={
                        'db_table': 'recordings_skillschecklist',
                        'verbose_name': 'skills checklist',
                    },
                ),
                migrations.CreateModel(
                    name='SkillsChecklistItem',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('code', models.CharField(help_text='For example A1 or B4.', max_length=10, verbose_name='id')),
                        ('skill', models.CharField(choices=[('structuring', 'Structuring'), ('relationship_building', 'Relationship building'), ('prosocial_modelling', 'Prosocial modelling'), ('cognitive_techniques', 'Cognitive techniques')], max_length=40)),
                        ('title', models.CharField(max_length=120)),
                        ('behaviour', models.TextField(help_text='The observable behaviour a rater looks for.')),
                        ('cues', models.TextField(blank=True, help_text='Typical wording, one cue per line.')),
                        ('detect', models.CharField(choices=[('H', 'H'), ('H/M', 'H/M'), ('M', 'M'), ('M/H', 'M/H'), ('M/L', 'M/L'), ('L/M', 'L/M'), ('L', 'L')], default='M', help_text='H: the wording shows it; M: needs context; L: needs human judgement (shown to reviewers as a prompt, never as a verdict).', max_length=3)),
                        ('counts_against', models.BooleanField(default=False, help_text='Evidence of this item counts against the skill.')),
                        ('checklist', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='items', to='checklist.skillschecklist')),
                    ],
                    options={
                        'db_table': 'recordings_skillschecklistitem',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
