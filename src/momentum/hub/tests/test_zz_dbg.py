import pytest
from momentum.hub.tasks import send_digests
from momentum.hub.services.digests import next_run
pytestmark = pytest.mark.django_db
def test_dbg(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    send_digests.call("daily")
    from django_tasks_db.models import DBTaskResult
    r = DBTaskResult.objects.get()
    print(r.task_path, send_digests.module_path, r.status, r.run_after, next_run("daily"), r.args_kwargs)
    print(DBTaskResult.objects.filter(args_kwargs__args__0="daily").count(), DBTaskResult.objects.filter(run_after=next_run("daily")).count(), DBTaskResult.objects.filter(status="READY").count())
    assert 0
