"""The database is never opened from a network share; the detection is fed
the facts of each OS (mount tables, Windows drive types) so it runs here."""
from __future__ import annotations

from functools import partial

import pytest

from app.db.netpath import network_reason, parse_mounts, refuse_network_path
from app.db.storage import open_store
from app.errors import DatabaseProblem

LINUX_MOUNTS = r"""/dev/sda2 / ext4 rw,relatime 0 0
/dev/sda1 /boot/efi vfat rw 0 0
tmpfs /run tmpfs rw,nosuid 0 0
//nas/tai\040lieu /mnt/tai\040lieu cifs rw,vers=3.0,username=mttq 0 0
nas:/export/xa /srv/xa nfs4 rw,relatime 0 0
ubuntu@10.0.0.5:/data /home/ubuntu/remote fuse.sshfs rw,nosuid 0 0
gvfsd-fuse /run/user/1000/gvfs fuse.gvfsd-fuse rw,nosuid 0 0
/dev/sdb1 /mnt/tai\040lieu/usb vfat rw 0 0
"""

MACOS_MOUNT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
/dev/disk3s5 on /System/Volumes/Data (apfs, local, journaled, nobrowse)
//mttq@nas._smb._tcp.local/share on /Volumes/share (smbfs, nodev, nosuid, mounted by mttq)
nas:/export on /Volumes/nfs (nfs, nodev, nosuid, mounted by mttq)
/dev/disk4s1 on /Volumes/USB STICK (msdos, local, nodev, nosuid, noowners)
"""

linux = partial(network_reason, platform="linux", mounts=LINUX_MOUNTS)
macos = partial(network_reason, platform="darwin", mounts=MACOS_MOUNT)


def test_mount_tables_are_read_with_their_escapes():
    mounts = parse_mounts(LINUX_MOUNTS)
    assert ("/mnt/tai lieu", "cifs", "//nas/tai lieu") in mounts
    assert ("/Volumes/USB STICK", "msdos", "/dev/disk4s1") in parse_mounts(MACOS_MOUNT)


@pytest.mark.parametrize("path, kind", [
    ("/mnt/tai lieu/frontdesk.sqlite3", "cifs"),
    ("/srv/xa/data/frontdesk.sqlite3", "nfs4"),
    ("/home/ubuntu/remote/frontdesk.sqlite3", "fuse.sshfs"),
    ("/run/user/1000/gvfs/smb-share:server=nas,share=xa/frontdesk.sqlite3", "fuse.gvfsd-fuse"),
])
def test_linux_network_file_systems_are_refused(path, kind):
    reason = linux(path)
    assert reason is not None and reason.startswith(kind)


@pytest.mark.parametrize("path", [
    "/home/mttq/.local/share/FrontDesk/frontdesk.sqlite3",
    "/mnt/tai lieu/usb/frontdesk.sqlite3",  # a USB stick mounted inside the share is local
    "/srv/xanh/frontdesk.sqlite3",  # a sibling whose name starts like the share's
    "/boot/efi/x.sqlite3",
])
def test_linux_local_paths_are_fine(path):
    assert linux(path) is None


def test_macos_shares_are_refused_and_local_volumes_are_not():
    assert macos("/Volumes/share/frontdesk.sqlite3").startswith("smbfs")
    assert macos("/Volumes/nfs/a/b.sqlite3").startswith("nfs")
    assert macos("/Volumes/USB STICK/frontdesk.sqlite3") is None
    assert macos("/Users/mttq/Library/Application Support/FrontDesk/frontdesk.sqlite3") is None


def drive_types(mapping):
    def drive_type(root: str) -> int:
        return mapping.get(root, 3)  # DRIVE_FIXED
    return drive_type


windows = partial(network_reason, platform="win32", drive_type=drive_types({"Z:\\": 4, "E:\\": 2}))


@pytest.mark.parametrize("path", [
    r"\\server\share\FrontDesk\frontdesk.sqlite3",
    "//server/share/frontdesk.sqlite3",
    r"\\?\UNC\server\share\frontdesk.sqlite3",
    r"Z:\MTTQ\frontdesk.sqlite3",
    r"z:\frontdesk.sqlite3",
])
def test_windows_shares_and_mapped_drives_are_refused(path):
    assert windows(path) is not None


@pytest.mark.parametrize("path", [
    r"C:\Users\mttq\AppData\Local\MTTQ\FrontDesk\frontdesk.sqlite3",
    r"E:\frontdesk.sqlite3",  # a USB stick (removable)
    r"\\?\C:\very\long\path\frontdesk.sqlite3",
    r"relative\frontdesk.sqlite3",
])
def test_windows_local_paths_are_fine(path):
    assert windows(path) is None


def test_this_machine_answers_for_its_own_temporary_folder(tmp_path):
    assert network_reason(tmp_path / "frontdesk.sqlite3") is None


def test_open_store_refuses_a_database_on_a_share(store, tmp_path):
    store.close()
    share = f"//nas/xa {store.path.parent} cifs rw 0 0\n"
    check = partial(refuse_network_path, platform="linux", mounts=share)
    with pytest.raises(DatabaseProblem) as caught:
        open_store(store.path, place_check=check)
    assert caught.value.code == "database.network_path"
    assert "cifs" in caught.value.params["reason"]
    open_store(store.path).close()  # the same file, on this machine's real (local) disk


def test_the_message_says_why_and_what_to_do():
    from app import messages

    with pytest.raises(DatabaseProblem) as caught:
        refuse_network_path(r"\\server\share\frontdesk.sqlite3", platform="win32", drive_type=drive_types({}))
    vi, en = messages.describe(caught.value, "vi"), messages.describe(caught.value, "en")
    assert "ổ mạng (UNC \\\\server\\…)" in vi and "chép tệp về ổ đĩa của máy này" in vi
    assert "network drive" in en and "shared folders are for exports" in en
