"""backcare as it ships: built from a fresh clone, installed from its wheel and the lock into a
venv of its own outside the repository, and served by gunicorn in Spanish.

The container image runs exactly this (Dockerfile): it cannot be built on these machines, so
this is the proof that what it installs works.
"""

import json
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
import urllib.request
import zipfile
from gettext import GNUTranslations
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from .apps import build_app
from .servers import ROOT, gunicorn
from .test_deploy import stages

pytestmark = pytest.mark.packaging

MO = "backcare/translations/es/LC_MESSAGES/messages.mo"
EMERGENCY = {"lang": "es", "answers": {"emergency_signs": ["chest_pain"]}}


def run(*command, cwd: Path, **kwargs) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FLASK_DEBUG")}
    result = subprocess.run(
        command, cwd=cwd, env=environment, check=False, capture_output=True, text=True, **kwargs
    )
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A fresh clone of the work tree as it is: what git tracks or would track, nothing built."""
    clone = tmp_path_factory.mktemp("clone")
    listed = run("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():  # a tracked file deleted in the work tree is gone here too
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    git = ("git", "-c", "user.name=test", "-c", "user.email=test@example.invalid")
    run(*git, "init", "--quiet", cwd=clone)
    run(*git, "add", "--all", cwd=clone)
    run(*git, "commit", "--quiet", "--message", "the work tree", cwd=clone)
    return clone


@pytest.fixture(scope="module")
def dist(clone) -> Path:
    """``python -m build``: the sdist, and the wheel built from it, as a release is made."""
    run(sys.executable, "-m", "build", "--outdir", "dist", ".", cwd=clone)
    return clone / "dist"


@pytest.fixture(scope="module")
def wheel(dist) -> Path:
    (wheel,) = dist.glob("backcare-*.whl")
    return wheel


@pytest.fixture(scope="module")
def image_wheel(clone, tmp_path_factory) -> Path:
    """The wheel as the Dockerfile's build stage makes it: from only the files it copies."""
    build_stage = stages()[0]
    context = tmp_path_factory.mktemp("image-build")
    for instruction in build_stage:
        if instruction.startswith("COPY "):
            *sources, target = instruction.split()[1:]
            for source in sources:
                destination = (
                    context / target / source if target.endswith("/") else context / target
                )
                copy = shutil.copytree if (clone / source).is_dir() else shutil.copy2
                copy(clone / source, destination)
    assert "RUN pip wheel --no-cache-dir --no-deps --wheel-dir /wheels ." in build_stage
    wheels = context / "wheels"
    run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--quiet",
        "--no-deps",
        "--wheel-dir",
        str(wheels),
        ".",
        cwd=context,
    )
    (wheel,) = wheels.glob("backcare-*.whl")
    return wheel


@pytest.fixture(scope="module")
def venv(clone, image_wheel, tmp_path_factory) -> Path:
    """A production install as the image makes it: the locked runtime requirements,
    hash-checked, then the wheel of the image's build stage."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", str(venv), cwd=venv)
    pip = (str(venv / "bin" / "pip"), "install", "--quiet", "--no-deps")
    run(*pip, "--require-hashes", "-r", str(clone / "requirements.txt"), cwd=venv)
    run(*pip, str(image_wheel), cwd=venv)
    return venv


def test_a_build_leaves_a_fresh_clone_clean(clone, dist):
    assert run("git", "status", "--porcelain", cwd=clone) == ""


@pytest.mark.parametrize("made_by", ["wheel", "image_wheel"])
def test_the_wheel_carries_the_compiled_catalogs_templates_and_static_files(
    clone, made_by, request
):
    """Both ways: python -m build (through the sdist), and the image's build stage."""
    with zipfile.ZipFile(request.getfixturevalue(made_by)) as archive:
        names = set(archive.namelist())
        catalog = GNUTranslations(archive.open(MO))
    assert catalog.gettext("Start now") == "Empezar ahora"
    package = clone / "backcare"
    data = [
        *package.glob("templates/**/*.html"),
        *package.glob("static/*"),
        *package.glob("**/*.toml"),
    ]
    expected = {str(path.relative_to(clone)) for path in data}
    assert expected and expected <= names, expected - names
    # The .po files are the sources of the .mo, which is all the app reads.
    assert not [name for name in names if name.endswith((".po", ".pot"))]


def test_the_sdist_carries_the_catalog_sources_and_nothing_compiled(dist):
    (sdist,) = dist.glob("backcare-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"setup.py", "LICENSE", MO.replace(".mo", ".po")} <= names
    assert not [name for name in names if name.endswith(".mo")]


def test_the_lock_pins_every_runtime_dependency_with_hashes_and_no_test_tool(clone):
    project = tomllib.loads((clone / "pyproject.toml").read_text())["project"]
    pins = {}
    for line in (clone / "requirements.txt").read_text().replace("\\\n", " ").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            requirement = Requirement(line.split(" --hash")[0])
            assert "--hash=sha256:" in line, f"{requirement.name} has no hash"
            (pin,) = requirement.specifier
            assert pin.operator == "==", line
            pins[canonicalize_name(requirement.name)] = pin.version
    for dependency in map(Requirement, project["dependencies"]):
        version = pins.get(canonicalize_name(dependency.name))
        assert version and dependency.specifier.contains(version), f"run make lock: {dependency}"
    test_tools = {
        canonicalize_name(Requirement(r).name) for r in project["optional-dependencies"]["test"]
    }
    assert not test_tools & pins.keys()


def test_the_installed_wheel_serves_spanish_pages_and_answers(venv, tmp_path):
    elsewhere = tmp_path / "elsewhere"  # no backcare/ here: gunicorn imports the installed one
    elsewhere.mkdir()
    where = run(
        str(venv / "bin" / "python"),
        "-c",
        "import backcare; print(backcare.__file__)",
        cwd=elsewhere,
    )
    assert Path(where.strip()).is_relative_to(venv)
    conf = ("--config", str(ROOT / "gunicorn.conf.py"))
    with gunicorn(*conf, cwd=elsewhere, executable=venv / "bin" / "gunicorn") as url:
        with urllib.request.urlopen(f"{url}/es/", timeout=10) as response:
            page = response.read().decode()
        request = urllib.request.Request(
            f"{url}/api/v1/assessments",
            data=json.dumps(EMERGENCY).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            answer = json.load(response)
    assert '<html lang="es">' in page and "Empezar ahora" in page
    expected = build_app().test_client().post("/api/v1/assessments", json=EMERGENCY).get_json()
    assert answer == expected
    assert answer["level"] == "emergency"
    assert answer["action"].startswith("Llame al 911")
    assert answer["rules"][0]["reason"].startswith("El dolor en el pecho")
