"""Fixtures: the app for pytest-flask (which gives each test its ``client`` and a request
context of its own), and questionnaire walkers that read pages as HTML."""

import pytest

from .apps import build_app
from .questionnaire import Questionnaire


@pytest.fixture
def app():
    return build_app()


@pytest.fixture
def questionnaire(client):
    return Questionnaire(client)


@pytest.fixture
def questionnaire_es(client):
    return Questionnaire(client, lang="es")
