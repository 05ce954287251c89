"""Static files with a version in their address, so phones keep them for a year.

Every page names the stylesheet, script and icon; without a long cache lifetime a browser asks
for them again on every page. The address carries a hash of the file's content, so a new
release is fetched at once.
"""

import hashlib
from pathlib import Path

from flask import Flask, url_for

ONE_YEAR = 365 * 24 * 3600


def init_app(app: Flask) -> None:
    folder = Path(app.static_folder)
    versions = {
        path.name: hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        for path in folder.iterdir()
        if path.is_file()
    }
    if app.debug:  # `make run` reloads code, not this table: edited files must not be kept
        versions = {}
    elif app.config["SEND_FILE_MAX_AGE_DEFAULT"] is None:
        app.config["SEND_FILE_MAX_AGE_DEFAULT"] = ONE_YEAR

    def static_url(filename: str) -> str:
        """The file's address with its content version (``?v=``)."""
        return url_for("static", filename=filename, v=versions.get(filename))

    app.jinja_env.globals["static_url"] = static_url
