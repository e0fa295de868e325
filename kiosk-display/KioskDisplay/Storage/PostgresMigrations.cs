namespace Kiosk.Display.Storage;

/// <summary>
/// The PostgreSQL schema, as numbered steps: the same tables and columns as <see cref="SqliteMigrations"/>, in
/// PostgreSQL's types (timestamptz, boolean, numeric, identity); the first two here, the later ones from
/// <see cref="SchemaSteps"/>. Recorded in <c>schema_migrations</c>; start-up runs the missing ones in order, each in
/// its own transaction. Never edit a released step: add the next one (in <see cref="SchemaSteps"/>).
/// </summary>
internal static class PostgresMigrations
{
    public static readonly (int Version, string Name, string Sql)[] Steps =
    [
        (1, "scans, devices, catalog, log, settings", """
            CREATE TABLE scans (
                result_id    text PRIMARY KEY,
                device_id    text NOT NULL,
                scanned_utc  timestamptz NOT NULL,
                received_utc timestamptz NOT NULL,
                arch_left    text,
                arch_right   text,
                quality_ok   boolean NOT NULL,
                report_json  text NOT NULL,
                rows         integer NOT NULL,
                cols         integer NOT NULL,
                pitch_mm     double precision NOT NULL,
                loads_json   text NOT NULL);
            CREATE INDEX scans_by_time ON scans(scanned_utc);
            CREATE TABLE devices (
                device_id     text PRIMARY KEY,
                firmware      text NOT NULL,
                uptime_s      bigint NOT NULL,
                frame_rate_hz double precision NOT NULL,
                rssi_dbm      integer NOT NULL,
                dead_count    integer NOT NULL,
                dead_map_json text,
                last_seen_utc timestamptz NOT NULL,
                paired        boolean NOT NULL DEFAULT false);
            CREATE TABLE products (
                id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                sku          text NOT NULL UNIQUE,
                name         text NOT NULL,
                category     text NOT NULL,
                arch_support integer NOT NULL,
                cushioning   integer NOT NULL,
                stability    integer NOT NULL,
                size_min     double precision NOT NULL,
                size_max     double precision NOT NULL,
                stock        integer NOT NULL,
                price        numeric NOT NULL,
                retired      boolean NOT NULL DEFAULT false);
            CREATE TABLE log (
                id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at_utc    timestamptz NOT NULL,
                level     text NOT NULL,
                device_id text,
                message   text NOT NULL);
            CREATE INDEX log_by_time ON log(at_utc);
            CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL);
            """),
        (2, "device commands", """
            CREATE TABLE device_commands (
                id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                device_id     text NOT NULL,
                command       text NOT NULL,
                argument      text,
                requested_by  text NOT NULL,
                requested_utc timestamptz NOT NULL,
                state         text NOT NULL);
            """),
        .. SchemaSteps.From3(SchemaSteps.Postgres),
    ];
}
