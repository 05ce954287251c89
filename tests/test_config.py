"""Configuration order and the secret-key guard."""

import subprocess
import sys

import pytest

from backcare import create_app
from backcare.config import TRANSLATIONS

from .apps import build_app


def test_test_config_overrides_defaults():
    app = build_app({"SECRET_KEY": "k", "EMERGENCY_NUMBER": "112"})
    assert app.config["EMERGENCY_NUMBER"] == "112"
    assert app.config["SESSION_COOKIE_HTTPONLY"] is True


def test_environment_variables_override_defaults(monkeypatch):
    monkeypatch.setenv("BACKCARE_SECRET_KEY", "from-env")
    monkeypatch.setenv("BACKCARE_EMERGENCY_NUMBER", '"999"')
    app = create_app()
    assert app.config["SECRET_KEY"] == "from-env"
    assert app.config["EMERGENCY_NUMBER"] == "999"


def test_production_without_a_secret_key_refuses_to_start(monkeypatch):
    monkeypatch.delenv("BACKCARE_SECRET_KEY", raising=False)
    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    with pytest.raises(RuntimeError, match="BACKCARE_SECRET_KEY"):
        create_app()


def test_debug_without_a_secret_key_gets_a_random_one(monkeypatch):
    monkeypatch.delenv("BACKCARE_SECRET_KEY", raising=False)
    monkeypatch.setenv("FLASK_DEBUG", "1")
    first, second = create_app(), create_app()
    assert len(first.config["SECRET_KEY"]) >= 32
    assert first.config["SECRET_KEY"] != second.config["SECRET_KEY"]


def test_starting_without_a_key_fails_and_says_what_to_set(tmp_path):
    env = {"PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-c", "import backcare; backcare.create_app()"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode != 0
    assert "set BACKCARE_SECRET_KEY" in result.stderr


def test_a_language_without_its_compiled_catalog_stops_the_start(tmp_path):
    """Without the .mo, Flask-Babel would quietly serve English under /es/."""
    (tmp_path / "es" / "LC_MESSAGES").mkdir(parents=True)  # a .po alone is not enough
    (tmp_path / "es" / "LC_MESSAGES" / "messages.po").write_text("")
    with pytest.raises(RuntimeError, match=r"no compiled Español catalog.*make i18n-compile"):
        build_app({"BABEL_TRANSLATION_DIRECTORIES": str(tmp_path)})


def test_english_needs_no_catalog_and_spanish_is_found_in_any_directory(tmp_path):
    app = build_app({"BABEL_TRANSLATION_DIRECTORIES": f"{tmp_path};{TRANSLATIONS}"})
    assert "Empezar ahora" in app.test_client().get("/es/").text


def test_the_instance_folder_can_be_named_for_an_installed_package(monkeypatch, tmp_path):
    """Installed, the package's own instance folder is under the venv: make serve names the
    checkout's, an image a mounted one."""
    (tmp_path / "config.py").write_text('EMERGENCY_NUMBER = "112"\n')
    monkeypatch.setenv("BACKCARE_INSTANCE_PATH", str(tmp_path))
    app = build_app()
    assert app.instance_path == str(tmp_path)
    assert app.config["EMERGENCY_NUMBER"] == "112"
