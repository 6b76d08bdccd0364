"""Test helpers shared across apps."""

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args: str, env: dict[str, str] | None = None, timeout: int = 60):
    """Run ``manage.py`` in a fresh interpreter with a controlled environment.

    Settings are read at start-up, so testing how they react to the environment needs
    a new process. The repository's ``.env`` is still read, but real variables win.
    """
    process_env = {**os.environ, **(env or {})}
    # The browser tests allow the ORM next to Playwright's event loop for this process
    # only; a fresh manage.py has no such loop, and `check --deploy` rightly rejects it.
    process_env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    process_env.update(env or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO_ROOT,
        env=process_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
