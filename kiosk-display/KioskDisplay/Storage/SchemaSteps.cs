namespace Kiosk.Display.Storage;

/// <summary>
/// The schema's steps from version 3 on, the same for SQLite and PostgreSQL but for the column types: written once,
/// so a new step cannot reach one database and miss the other. The first two steps stay in each database's own list
/// (<see cref="SqliteMigrations"/>, <see cref="PostgresMigrations"/>). Never edit a released step: add the next one.
/// </summary>
internal static class SchemaSteps
{
    /// <summary>The column types a step is written in.</summary>
    public sealed record Types(string Text, string Timestamp, string Boolean, string False);

    public static readonly Types Sqlite = new("TEXT", "TEXT", "INTEGER", "0");
    public static readonly Types Postgres = new("text", "timestamptz", "boolean", "false");

    public static (int Version, string Name, string Sql)[] From3(Types t) =>
    [
        // Version 1 paired by device id alone; pairing now needs the mat's key, so every mat is paired again with it.
        (3, "pairing keys", $"""
            ALTER TABLE devices ADD COLUMN pairing_key {t.Text};
            UPDATE devices SET paired = {t.False};
            """),
        // What the shopper answered at the kiosk (activity, warning signs), kept in the scan's row so it expires with it.
        (4, "shopper answers", $"""
            ALTER TABLE scans ADD COLUMN answers_json {t.Text};
            """),
        (5, "product width fitting", $"""
            ALTER TABLE products ADD COLUMN width {t.Text} NOT NULL DEFAULT 'standard';
            """),
        // Accounts set up at the first start (no password in configuration), a stamp per user that signing out renews
        // (so a copied cookie stops working), and which scans the built-in demo mat made (kept out of the staff's day).
        (6, "accounts, session stamps, demo scans", $"""
            CREATE TABLE accounts (
                name          {t.Text} PRIMARY KEY,
                password_hash {t.Text} NOT NULL,
                roles         {t.Text} NOT NULL,
                created_utc   {t.Timestamp} NOT NULL);
            CREATE TABLE session_stamps (name {t.Text} PRIMARY KEY, stamp {t.Text} NOT NULL);
            ALTER TABLE scans ADD COLUMN demo {t.Boolean} NOT NULL DEFAULT {t.False};
            """),
    ];
}
