namespace Kiosk.Display.Storage;

/// <summary>
/// The schema, as numbered steps: the first two in SQLite's types here, the later ones from <see cref="SchemaSteps"/>.
/// A database records the steps it has in <c>schema_migrations</c>; start-up runs the missing ones in order, each in
/// its own transaction. Never edit a released step: add the next one (in <see cref="SchemaSteps"/>).
/// </summary>
internal static class SqliteMigrations
{
    public static readonly (int Version, string Name, string Sql)[] Steps =
    [
        (1, "scans, devices, catalog, log, settings", """
            CREATE TABLE scans (
                result_id    TEXT PRIMARY KEY,
                device_id    TEXT NOT NULL,
                scanned_utc  TEXT NOT NULL,
                received_utc TEXT NOT NULL,
                arch_left    TEXT,
                arch_right   TEXT,
                quality_ok   INTEGER NOT NULL,
                report_json  TEXT NOT NULL,
                rows         INTEGER NOT NULL,
                cols         INTEGER NOT NULL,
                pitch_mm     REAL NOT NULL,
                loads_json   TEXT NOT NULL);
            CREATE INDEX scans_by_time ON scans(scanned_utc);
            CREATE TABLE devices (
                device_id     TEXT PRIMARY KEY,
                firmware      TEXT NOT NULL,
                uptime_s      INTEGER NOT NULL,
                frame_rate_hz REAL NOT NULL,
                rssi_dbm      INTEGER NOT NULL,
                dead_count    INTEGER NOT NULL,
                dead_map_json TEXT,
                last_seen_utc TEXT NOT NULL,
                paired        INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE products (
                id           INTEGER PRIMARY KEY AUTOINCREMENT,
                sku          TEXT NOT NULL UNIQUE,
                name         TEXT NOT NULL,
                category     TEXT NOT NULL,
                arch_support INTEGER NOT NULL,
                cushioning   INTEGER NOT NULL,
                stability    INTEGER NOT NULL,
                size_min     REAL NOT NULL,
                size_max     REAL NOT NULL,
                stock        INTEGER NOT NULL,
                price        TEXT NOT NULL,
                retired      INTEGER NOT NULL DEFAULT 0);
            CREATE TABLE log (
                id        INTEGER PRIMARY KEY AUTOINCREMENT,
                at_utc    TEXT NOT NULL,
                level     TEXT NOT NULL,
                device_id TEXT,
                message   TEXT NOT NULL);
            CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            """),
        (2, "device commands", """
            CREATE TABLE device_commands (
                id            INTEGER PRIMARY KEY AUTOINCREMENT,
                device_id     TEXT NOT NULL,
                command       TEXT NOT NULL,
                argument      TEXT,
                requested_by  TEXT NOT NULL,
                requested_utc TEXT NOT NULL,
                state         TEXT NOT NULL);
            """),
        .. SchemaSteps.From3(SchemaSteps.Sqlite),
    ];
}
