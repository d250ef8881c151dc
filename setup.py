"""Builds the postparse Python package: setuptools drives the project's own CMake (the
pattern of pybind11's cmake_example), which compiles postparse._core from
bindings/python/src/ with the library linked in statically.

    /usr/bin/python3 -m venv --system-site-packages .venv
    .venv/bin/pip install --no-build-isolation .      # offline, Debian's pybind11/setuptools/wheel
    pip install .                                      # where a package index is reachable

CMake, a C++17 compiler and the library's dependencies must be installed
(scripts/install-deps on Debian).  POSTPARSE_CMAKE_ARGS adds CMake arguments;
POSTPARSE_BUILD_TYPE picks the build type (default Release).
"""

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = Path(__file__).resolve().parent


def project_version() -> str:
    text = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    match = re.search(r"project\(\s*postparse\s+VERSION\s+([0-9.]+)", text)
    if not match:
        raise RuntimeError("setup.py: no project(postparse VERSION ...) in CMakeLists.txt")
    return match.group(1)


class CMakeExtension(Extension):
    def __init__(self, name: str) -> None:
        super().__init__(name, sources=[])


class CMakeBuild(build_ext):
    """Configures and builds the `postparse_python` target into the place setuptools expects
    the extension, and fails if the file is not there afterwards (the root CMakeLists.txt
    sets CMAKE_LIBRARY_OUTPUT_DIRECTORY, which could silently send it elsewhere)."""

    def build_extension(self, ext: Extension) -> None:
        target = Path(self.get_ext_fullpath(ext.name)).resolve()
        target.parent.mkdir(parents=True, exist_ok=True)
        build_dir = Path(self.build_temp).resolve() / "cmake"
        build_dir.mkdir(parents=True, exist_ok=True)
        build_type = os.environ.get("POSTPARSE_BUILD_TYPE", "Release")
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build_dir),
            "-DCMAKE_BUILD_TYPE=" + build_type,
            "-DPOSTPARSE_BUILD_PYTHON=ON", "-DPOSTPARSE_BUILD_TESTS=OFF", "-DPOSTPARSE_BUILD_CLI=OFF",
            "-DPOSTPARSE_INSTALL=OFF",
            "-DPython3_EXECUTABLE=" + sys.executable,
            "-DPOSTPARSE_PYTHON_OUTPUT_DIR=" + str(target.parent),
        ] + shlex.split(os.environ.get("POSTPARSE_CMAKE_ARGS", ""))
        subprocess.run(configure, check=True)
        jobs = str(os.cpu_count() or 1)
        subprocess.run(["cmake", "--build", str(build_dir), "--target", "postparse_python", "-j", jobs],
                       check=True)
        built = list(target.parent.glob("_core*" + Path(target).suffix))
        if not target.exists():
            raise RuntimeError("setup.py: the build did not produce %s (found: %s)"
                               % (target, ", ".join(map(str, built)) or "nothing"))


setup(
    name="postparse",
    version=project_version(),
    description="Posts (front matter + HTML or Markdown body) into typed metadata and clean paragraphs",
    long_description=(ROOT / "bindings" / "python" / "README.md").read_text(encoding="utf-8"),
    long_description_content_type="text/markdown",
    python_requires=">=3.9",
    package_dir={"": "bindings/python"},
    packages=["postparse"],
    package_data={"postparse": ["py.typed", "*.pyi"]},
    ext_modules=[CMakeExtension("postparse._core")],
    cmdclass={"build_ext": CMakeBuild},
    zip_safe=False,
)
