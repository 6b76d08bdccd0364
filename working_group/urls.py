from django.contrib.auth.views import LogoutView
from django.urls import path, reverse_lazy

from working_group import views

app_name = "working_group"

task = "members/tasks/WG-<int:number>/"

urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("public-tasks.csv", views.public_tasks_csv, name="public_tasks_csv"),
    path("members/sign-in/", views.LoginView.as_view(), name="login"),
    path(
        "members/sign-out/",
        LogoutView.as_view(next_page=reverse_lazy("working_group:index")),
        name="logout",
    ),
    path("members/", views.BoardView.as_view(), name="board"),
    path("members/tasks/", views.TaskListView.as_view(), name="task_list"),
    path("members/tasks/new/", views.TaskCreateView.as_view(), name="task_create"),
    path("members/tasks/export.csv", views.TaskExportView.as_view(), name="task_export"),
    path(task, views.TaskDetailView.as_view(), name="task_detail"),
    path(task + "edit/", views.TaskEditView.as_view(), name="task_edit"),
    path(task + "state/", views.TaskStateView.as_view(), name="task_state"),
    path(task + "progress/", views.TaskProgressView.as_view(), name="task_progress"),
    path(task + "owner/", views.TaskOwnerView.as_view(), name="task_owner"),
    path(task + "comment/", views.TaskCommentView.as_view(), name="task_comment"),
    path("members/meetings/", views.MeetingListView.as_view(), name="meetings"),
    path("members/meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting_detail"),
    path("members/milestones/", views.MilestoneTimelineView.as_view(), name="milestones"),
]
