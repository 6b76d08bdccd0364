"""A task's rules live in the model once: progress says in words that it is a percentage,
and a weight is 1 to 100 in the model and in the database, as the members' form and the API
already required.
"""

import django.core.validators
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('working_group', '0005_task_board_and_public_indexes'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='task',
            name='wg_task_weight_positive',
        ),
        migrations.AlterField(
            model_name='historicaltask',
            name='progress',
            field=models.PositiveSmallIntegerField(default=0, validators=[django.core.validators.MinValueValidator(0, message='Progress is a percentage between 0 and 100.'), django.core.validators.MaxValueValidator(100, message='Progress is a percentage between 0 and 100.')], verbose_name='progress (%)'),
        ),
        migrations.AlterField(
            model_name='historicaltask',
            name='weight',
            field=models.PositiveSmallIntegerField(blank=True, help_text="Share in the milestone's progress; empty counts as 1.", null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='weight'),
        ),
        migrations.AlterField(
            model_name='task',
            name='progress',
            field=models.PositiveSmallIntegerField(default=0, validators=[django.core.validators.MinValueValidator(0, message='Progress is a percentage between 0 and 100.'), django.core.validators.MaxValueValidator(100, message='Progress is a percentage between 0 and 100.')], verbose_name='progress (%)'),
        ),
        migrations.AlterField(
            model_name='task',
            name='weight',
            field=models.PositiveSmallIntegerField(blank=True, help_text="Share in the milestone's progress; empty counts as 1.", null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(100)], verbose_name='weight'),
        ),
        migrations.AddConstraint(
            model_name='task',
            constraint=models.CheckConstraint(condition=models.Q(('weight__isnull', True), models.Q(('weight__gte', 1), ('weight__lte', 100)), _connector='OR'), name='wg_task_weight_1_100'),
        ),
    ]
