// Runs once, when the data volume is first initialised (mongo image, /docker-entrypoint-initdb.d).
// One user per service, allowed to read and write its own database only. Credentials come from
// the environment (the .env file); nothing here has a default.
const services = [
  { database: 'plazo-cases', prefix: 'PLAZO_MONGODB_CASE' },
  { database: 'plazo-deadlines', prefix: 'PLAZO_MONGODB_DEADLINE' },
  { database: 'plazo-notify', prefix: 'PLAZO_MONGODB_NOTIFY' },
];

for (const service of services) {
  const user = process.env[service.prefix + '_USERNAME'];
  const pwd = process.env[service.prefix + '_PASSWORD'];
  if (!user || !pwd) {
    throw new Error(service.prefix + '_USERNAME and ' + service.prefix + '_PASSWORD must be set (see .env.example)');
  }
  db.getSiblingDB(service.database).createUser({
    user: user,
    pwd: pwd,
    roles: [{ role: 'readWrite', db: service.database }],
  });
  print('MongoDB user ' + user + ' can read and write ' + service.database);
}
