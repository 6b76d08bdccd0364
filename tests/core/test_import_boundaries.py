"""The apps' boundaries, read from the source: who may import whom (ADR 0014).

``core`` is the shared app: every app may import it, it imports no app. An app imports
another app only through that app's public surface: the package itself, its ``models``,
``selectors`` and ``services``, or a module the app declares in
``AppConfig.public_modules``. Nothing but the project package imports ``visie_portal``.
Imports inside functions count as much as those at the top of a module.
"""

import ast
from pathlib import Path

import pytest
from django.apps import apps

REPO_ROOT = Path(__file__).resolve().parents[2]
PROJECT_PACKAGE = "visie_portal"
SHARED_APP = "core"
DOMAIN_APPS = ("regions", "budget", "working_group", "staff_otp")
PUBLIC_BY_DEFAULT = ("models", "selectors", "services")


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(source: str, package: str) -> set[str]:
    """Every module ``source`` imports; ``from x import y`` counts as ``x.y`` (y may be a module).

    ``package`` is the package the source lives in, to resolve relative imports.
    """
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(filter(None, [*anchor, base]))
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def imports_of(path: Path) -> list[str]:
    module = module_name(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    return sorted(imported_modules(path.read_text(), package))


def source_files(package: str) -> list[Path]:
    return sorted((REPO_ROOT / package).rglob("*.py"))


def top_package(module: str) -> str:
    return module.split(".", 1)[0]


def public_modules(app_label: str) -> tuple[str, ...]:
    declared = getattr(apps.get_app_config(app_label), "public_modules", ())
    return PUBLIC_BY_DEFAULT + tuple(declared)


def crosses_boundary(importer_app: str, module: str) -> bool:
    """True when ``module`` is private to another app than ``importer_app``."""
    target = top_package(module)
    if target == importer_app or target not in DOMAIN_APPS:
        return False
    rest = module.split(".")[1:]
    # ``from regions import selectors`` names the module; ``from regions.models import X``
    # names a member of a public module (or of one of its submodules).
    return (
        bool(rest)
        and rest[0] not in public_modules(target)
        and not _is_package_member(target, rest[0])
    )


def _is_package_member(app: str, name: str) -> bool:
    """``from regions import SomeName`` where the name is not a module of the app."""
    app_path = REPO_ROOT / app
    return not ((app_path / f"{name}.py").exists() or (app_path / name).is_dir())


def test_the_shared_app_imports_no_app_of_the_portal():
    offences = [
        f"{path.relative_to(REPO_ROOT)} imports {module}"
        for path in source_files(SHARED_APP)
        for module in imports_of(path)
        if top_package(module) in (*DOMAIN_APPS, PROJECT_PACKAGE)
    ]
    assert offences == []


@pytest.mark.parametrize("app", DOMAIN_APPS)
def test_an_app_imports_other_apps_only_through_their_public_modules(app):
    offences = [
        f"{path.relative_to(REPO_ROOT)} imports {module}"
        for path in source_files(app)
        for module in imports_of(path)
        if crosses_boundary(app, module)
    ]
    assert offences == []


@pytest.mark.parametrize("package", (SHARED_APP, *DOMAIN_APPS))
def test_only_the_project_package_imports_the_project_package(package):
    offences = [
        f"{path.relative_to(REPO_ROOT)} imports {module}"
        for path in source_files(package)
        for module in imports_of(path)
        if top_package(module) == PROJECT_PACKAGE
    ]
    assert offences == []


def test_the_boundary_check_sees_imports_inside_functions():
    source = "def f():\n    from regions.admin import AnalysisAdmin\n"
    assert "regions.admin.AnalysisAdmin" in imported_modules(source, "working_group")


def test_relative_imports_are_resolved_against_their_package():
    assert imported_modules("from ..models import Task\n", "working_group.api") == {
        "working_group.models.Task"
    }


def test_a_private_module_of_another_app_crosses_the_boundary():
    assert crosses_boundary("working_group", "regions.admin.AnalysisAdmin")
    assert crosses_boundary("working_group", "regions.search")


def test_models_selectors_services_and_declared_modules_are_public():
    assert not crosses_boundary("working_group", "regions.models.Analysis")
    assert not crosses_boundary("working_group", "regions.models.analysis.Analysis")
    assert not crosses_boundary("working_group", "budget.selectors")
    assert not crosses_boundary("working_group", "regions.services.publish")
    assert not crosses_boundary("working_group", "staff_otp.permissions.VerifiedStaffSession")
