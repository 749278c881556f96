"""The publishing workflow and the CI script."""

import subprocess
import sys

import yaml

from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"


def test_workflow_matches_githubs_schema():
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(WORKFLOW)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "ok -- validation done" in proc.stdout


def test_workflow_publishes_to_pages():
    wf = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert wf[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key `on` as True
    assert wf["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert wf["concurrency"]["group"] == "pages"
    build = wf["jobs"]["build"]["steps"]
    runs = [s.get("run", "") for s in build]
    uses = [s.get("uses", "") for s in build]
    assert "pip install -r requirements.txt" in runs
    assert runs.index("python -m scripts check --strict") < runs.index("pytest") < runs.index("mkdocs build --strict")
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    deploy = wf["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_ci_script_runs_the_readme_commands():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in ("pip install -r requirements.txt", "mkdocs build", "pytest"):
        assert command in readme.split("\n\n")[1]
        assert command.split()[0] in script
    assert script.rstrip().endswith("pytest")


ENGINES = ROOT / ".github" / "workflows" / "engines.yml"


def test_engines_workflow_matches_githubs_schema_and_compares_the_builds():
    proc = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(ENGINES)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    wf = yaml.safe_load(ENGINES.read_text(encoding="utf-8"))
    assert wf["permissions"] == {"contents": "read"}
    runs = [s.get("run", "") for s in wf["jobs"]["compare"]["steps"]]
    assert "pip install -r requirements.txt properdocs==1.6.7" in runs
    assert runs.index("properdocs build --strict -f mkdocs.yml") < runs.index("python -m scripts.bench.engines --posts 0 300")
    # MkDocs stays the default engine: ProperDocs is pinned in the workflow, not in requirements.txt.
    requirements = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    assert "properdocs" not in requirements.lower() and "mkdocs>=1.6.1,<2" in requirements
