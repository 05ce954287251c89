"""CORS, opt-in per clinic: only a clinic's ``api_origins`` may call the API from a browser."""

import pytest

from .answers import BASELINE
from .api_bodies import as_json
from .apps import build_app

PORTAL = "https://portal.riverside.test"
LOCAL = "http://127.0.0.1:8080"


def clinics(*origins):
    return {"CLINICS": {"riverside": {"name": "Riverside", "api_origins": list(origins)}}}


@pytest.fixture
def cors_client():
    return build_app(clinics(PORTAL, LOCAL, "http://localhost")).test_client()


def preflight(client, origin, path="/api/v1/assessments"):
    return client.options(
        path,
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )


@pytest.mark.parametrize("origin", [PORTAL, LOCAL, "http://localhost"])
@pytest.mark.parametrize("path", ["/api/v1/assessments", "/api/v1/questionnaire"])
def test_a_clinic_origin_gets_its_preflight_answered(cors_client, origin, path):
    response = preflight(cors_client, origin, path)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == origin
    assert "Origin" in response.headers["Vary"]
    assert "POST" in response.headers["Access-Control-Allow-Methods"]
    allowed = {
        h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")
    }
    assert {"content-type", "accept"} <= allowed
    assert "Access-Control-Allow-Credentials" not in response.headers


def test_a_clinic_origin_may_read_the_result(cors_client):
    response = cors_client.post(
        "/api/v1/assessments", json={"answers": as_json(BASELINE)}, headers={"Origin": PORTAL}
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == PORTAL
    assert "Access-Control-Allow-Credentials" not in response.headers


@pytest.mark.parametrize("origin", ["https://evil.test", "http://portal.riverside.test", "null"])
def test_other_origins_get_nothing(cors_client, origin):
    response = preflight(cors_client, origin)
    assert "Access-Control-Allow-Origin" not in response.headers
    assert "Access-Control-Allow-Methods" not in response.headers
    posted = cors_client.post(
        "/api/v1/assessments", json={"answers": as_json(BASELINE)}, headers={"Origin": origin}
    )
    assert "Access-Control-Allow-Origin" not in posted.headers


def test_no_cors_without_api_origins(client):
    response = preflight(client, PORTAL)
    assert "Access-Control-Allow-Origin" not in response.headers


def test_pages_never_get_cors(cors_client):
    response = cors_client.get("/en/", headers={"Origin": PORTAL})
    assert "Access-Control-Allow-Origin" not in response.headers


@pytest.mark.parametrize(
    "origin",
    [
        "http://portal.riverside.test",
        "https://portal.riverside.test/",
        "https://portal.riverside.test/path",
        "*",
        "http://192.168.1.2:5000",
    ],
)
def test_a_bad_api_origin_stops_the_start(origin):
    with pytest.raises(ValueError, match="api_origins"):
        build_app(clinics(origin))


def test_api_origins_must_be_a_list():
    with pytest.raises(ValueError, match="api_origins must be a list"):
        build_app({"CLINICS": {"riverside": {"name": "Riverside", "api_origins": PORTAL}}})
