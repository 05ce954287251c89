"""The build step pyproject.toml cannot declare: compile the gettext catalogs.

The ``.po`` files are the committed source; a wheel must carry their compiled ``.mo`` files, or
the installed app has no Spanish (and refuses to start: see ``backcare.i18n``). ``build_py``
compiles each ``backcare/translations/<lang>/LC_MESSAGES/*.po`` into the build folder, so the
source tree stays as it was; an editable install compiles them in place instead (they are
git-ignored), as ``make i18n-compile`` does.
"""

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from setuptools import setup
from setuptools.command.build_py import build_py

CATALOGS = Path("backcare") / "translations"


class BuildPyWithCatalogs(build_py):
    def run(self):
        super().run()
        for source, target in self.catalogs():
            self.compile_catalog(source, target)

    def get_outputs(self, include_bytecode=True):
        return [*super().get_outputs(include_bytecode), *(str(t) for _, t in self.catalogs())]

    def catalogs(self):
        """Each ``.po`` with the ``.mo`` it compiles to."""
        root = Path() if self.editable_mode else Path(self.build_lib)
        for source in sorted(CATALOGS.glob("*/LC_MESSAGES/*.po")):
            yield source, root / source.with_suffix(".mo")

    def compile_catalog(self, source: Path, target: Path) -> None:
        with source.open("rb") as file:
            catalog = read_po(file, locale=source.parent.parent.name)
        # pybabel compile skips a fuzzy catalog without failing: the wheel would have no Spanish.
        if catalog.fuzzy:
            raise SystemExit(f"{source} is marked fuzzy: review it before building")
        problems = [f"{msg.id!r}: {error}" for msg, errors in catalog.check() for error in errors]
        if problems:
            raise SystemExit(f"{source} has errors:\n" + "\n".join(problems))
        target.parent.mkdir(parents=True, exist_ok=True)
        with target.open("wb") as file:
            write_mo(file, catalog)
        self.announce(f"compiled {source} -> {target}", level=2)


setup(cmdclass={"build_py": BuildPyWithCatalogs})
