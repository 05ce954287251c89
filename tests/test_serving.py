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
