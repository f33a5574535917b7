import datajoint as dj
dj.config['database.host']='127.0.0.1'; dj.config['database.user']='root'; dj.config['database.password']='root'
dj.config['enable_python_native_blobs']=True; dj.config['database.use_tls']=False
m = dj.VirtualModule('m', 'workshop_sailor')
for name in ['Subject','MyParams','Pairing','MyAnalysis']:
    t = getattr(m, name)
    print('==', name, t.table_name, t.__class__.__mro__[1].__name__ if False else type(t).__mro__[1].__name__)
    print(t.describe(printout=False))
    print(t.fetch(as_dict=True))
u = m.MyAnalysis.Unit
print('== Unit', u.table_name); print(u.describe(printout=False)); print(u.fetch(as_dict=True))
print(m.Pairing.heading)
