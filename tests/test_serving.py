"""backcare behind real gunicorn, as production runs it."""

import http.client
import urllib.parse

from .servers import gunicorn


def test_gunicorn_serves_the_app_from_the_venv():
    with gunicorn() as url:
        address = urllib.parse.urlsplit(url)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=5)
        connection.request("GET", "/en/")
        response = connection.getresponse()
        assert response.status == 200
        assert "Start now" in response.read().decode()
        connection.request("GET", "/", headers={"Accept-Language": "es-MX,es;q=0.9"})
        response = connection.getresponse()
        response.read()
        assert (response.status, response.getheader("Location")) == (302, "/es/")


def test_static_files_carry_their_version_and_are_kept_for_a_year(questionnaire):
    soup = questionnaire.soup("/en/")
    stylesheet = soup.find("link", rel="stylesheet")["href"]
    assert stylesheet.startswith("/static/style.css?v=")
    with questionnaire.client.get(stylesheet) as response:
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000"
