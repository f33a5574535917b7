"""Developer aid (not run by the tests): run an exported module on the oracle.

    sed '1,4d' tests/export/template.snap > /tmp/m.py
    PATH=/opt/sgoracle/bin:$PATH /opt/sgoracle/bin/python tests/export/oracle_check.py /tmp/m.py pyexport

Declares the module's tables in workshop_<name> (as root), runs insert_data(), empties each
computed table and populates it again, compares, then drops the schema and removes the
analysis files the makes created. Only the module's own tables are touched.
"""
import importlib.util, os, sys
import datajoint as dj
dj.config.update({"database.host": "127.0.0.1", "database.user": "root", "database.password": "root",
                  "database.use_tls": False, "safemode": False})
dj.config["custom"] = {"spyglass_dirs": {"base": "/tmp/sgoracle-base"}}
os.environ["USER"] = sys.argv[2]
name = f"workshop_{sys.argv[2]}"
if name in dj.list_schemas():
    dj.Schema(name).drop(force=True)
spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m)
print("declared:", m.schema.list_tables())
made = []
if hasattr(m, "AnalysisNwbfile"):
    create = type(m.AnalysisNwbfile()).create
    m.AnalysisNwbfile.create = lambda self, f: made.append(create(self, f)) or made[-1]
try:
    m.insert_data()
    own = lambda t: isinstance(t, type) and issubclass(t, dj.Table) and t.database == m.schema.database
    parts = lambda t: [getattr(t, x) for x in dir(t) if isinstance(getattr(t, x), type) and issubclass(getattr(t, x), dj.Part)]
    for t in [t for t in (getattr(m, n) for n in dir(m)) if own(t) and issubclass(t, (dj.Computed, dj.Imported))]:
        rows = lambda: {p.__name__: sorted(map(str, p.fetch(as_dict=True))) for p in [t] + parts(t)}
        before = rows()
        print(t.__name__, "rows inserted:", {k: len(v) for k, v in before.items()})
        for p in parts(t):
            p.delete_quick()
        t.delete_quick()
        print("populate:", t.populate())
        after = rows()
        print(t.__name__, "populate reproduces the inserted rows:", before == after)
        print(t.__name__, "after populate:", after)
    if hasattr(m, "MyAnalysisSelection") and hasattr(m.MyAnalysisSelection, "insert_all"):
        m.MyParams.insert_default()
        m.MyAnalysisSelection.insert_all("quick")
        print("insert_default, insert_all('quick'): selection", sorted(map(str, m.MyAnalysisSelection.fetch(as_dict=True))))
    for n in sorted(dir(m)):
        t = getattr(m, n)
        if own(t) and issubclass(t, dj.Lookup):
            print(n, "contents:", t.fetch(as_dict=True))
finally:
    dj.Schema(name).drop(force=True)
    if made:
        from spyglass.common.common_nwbfile import AnalysisNwbfile
        print("removing the analysis files made:", made)
        (AnalysisNwbfile & [{"analysis_file_name": f} for f in made]).delete_quick()
        for f in made:
            p = AnalysisNwbfile.get_abs_path(f)
            if os.path.exists(p):
                os.remove(p)
