"""Are the .deb's Depends exactly enough for the bundle? (packaging/linux/control.in)

The Linux bundle leaves the desktop's libraries to the system (see
packaging/frontdesk.spec). This reads every ELF file of the bundle, takes the
libraries it links to directly (``readelf -d``: NEEDED) that the bundle does
not hold, finds where they come from on this machine (``ldd`` with the
bundle's folder first, as the bootloader sets it) and which Debian package
owns them (``dpkg -S``), and checks each package is in Depends (alternatives
``a | b`` count). Libraries Qt opens at run time (dlopen: libdbus-1, libGL's
vendor libraries) are not NEEDED anywhere and are listed in control.in by hand.

    python3 packaging/linux/check_deb_depends.py dist/frontdesk packaging/linux/control.in

Exit 0 when every package is listed; 1 with the missing ones (and any library
that cannot be found here: install the package that has it, e.g.
libxcb-icccm4, and run again).
"""
from __future__ import annotations

import os
import functools
import re
import subprocess
import sys
from pathlib import Path

# Always there on a Debian/Ubuntu system (Essential or pulled by everything).
IMPLIED = {"libc6", "libgcc-s1"}
# The dynamic loader itself (libc6): ldd prints it without "=>".
LOADERS = {"ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "ld-linux-armhf.so.3"}


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as fh:
                if fh.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def needed(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out)


def resolved(path: Path, bundle_lib: Path) -> dict[str, str]:
    env = dict(os.environ, LD_LIBRARY_PATH=str(bundle_lib))
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
    return {m[0]: m[1] for m in re.findall(r"^\s*(\S+) => (\S+)", out, re.M)}


@functools.lru_cache(maxsize=None)
def owner(path: str) -> str | None:
    real = os.path.realpath(path)
    candidates = [path, real]
    for p in (path, real):  # merged /usr: dpkg may know the file under either name
        if p.startswith("/usr/lib/"):
            candidates.append(p[len("/usr"):])
        elif p.startswith("/lib/"):
            candidates.append("/usr" + p)
    for candidate in candidates:
        run = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if run.returncode == 0:
            return run.stdout.split(":", 1)[0].strip()
    return None


def declared(control: Path) -> list[set[str]]:
    text = control.read_text()
    match = re.search(r"^Depends:(.*(?:\n[ \t].*)*)", text, re.M)
    groups = []
    for item in (match.group(1) if match else "").split(","):
        names = {re.sub(r"\(.*?\)|:any", "", alt).strip() for alt in item.split("|")}
        names.discard("")
        if names:
            groups.append(names)
    return groups


def main(argv: list[str]) -> int:
    bundle, control = Path(argv[0]), Path(argv[1])
    bundle_lib = bundle / "_internal"
    inside = {p.name for p in bundle.rglob("*")}
    packages: dict[str, set[str]] = {}
    missing_libs: dict[str, set[str]] = {}
    seen: dict[str, str | None] = {}
    for elf in elf_files(bundle):
        names = [n for n in needed(elf) if n not in inside and n not in LOADERS]
        if not names:
            continue
        # one ldd per file whose libraries are not all known yet (ldd is slow on Qt's)
        where = resolved(elf, bundle_lib) if any(n not in seen for n in names) else {}
        for name in names:
            path = where.get(name) or seen.get(name)
            seen.setdefault(name, path)
            package = owner(path) if path and path != "not" else None
            rel = str(elf.relative_to(bundle))
            if package is None:
                missing_libs.setdefault(name, set()).add(rel)
            else:
                packages.setdefault(package.split(":")[0], set()).add(name)
    groups = declared(control)
    listed = set().union(*groups) if groups else set()
    undeclared = sorted(p for p in packages if p not in listed and p not in IMPLIED)
    for package in sorted(packages):
        mark = "ok " if package in listed or package in IMPLIED else "MISSING"
        print(f"{mark} {package:28} {', '.join(sorted(packages[package]))}")
    for name, users in sorted(missing_libs.items()):
        print(f"NOT FOUND {name} (needed by {', '.join(sorted(users)[:3])}): install its package here and run again")
    if undeclared or missing_libs:
        print(f"Depends lacks: {', '.join(undeclared) or '-'}", file=sys.stderr)
        return 1
    print(f"Depends covers all {len(packages)} packages the bundle links to.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
