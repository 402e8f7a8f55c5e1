"""The files of a built folder and one hash of their names and content, shared by the trunk
hooks (hash-names.py names the wasm by it, post-build.py versions the service worker by it)."""
import hashlib
import os


def listing(folder, skip=()):
    """Every file under `folder`, as sorted '/'-separated relative paths, minus `skip`."""
    files = []
    for root, _, names in os.walk(folder):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            if rel not in skip:
                files.append(rel)
    return sorted(files)


def content_hash(folder, files):
    """16 hex digits of SHA-256 over each file's path and bytes, in order."""
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode())
        with open(os.path.join(folder, rel), "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()[:16]
