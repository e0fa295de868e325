using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Kiosk.Display.Storage;

/// <summary>
/// Whether the display can write to its database. A failing write (a full disk, a lost PostgreSQL) is logged once a
/// minute with how many writes failed since, not once per resent result, and shown on the technician page until a
/// write succeeds again. Results are never lost meanwhile: unstored results are not acked, so the mats keep them.
/// </summary>
public sealed class StoreHealth(TimeProvider clock, ILogger<StoreHealth> logger)
{
    public static readonly TimeSpan LogEvery = TimeSpan.FromMinutes(1);

    /// <summary>What the technician page shows while writes fail.</summary>
    public sealed record WriteProblem(string Reason, DateTimeOffset Since, int Failures);

    private readonly Lock _gate = new();
    private WriteProblem? _problem;
    private DateTimeOffset _loggedAt;
    private int _failuresSinceLogged;

    /// <summary>Null while writes work.</summary>
    public WriteProblem? Problem
    {
        get
        {
            lock (_gate)
            {
                return _problem;
            }
        }
    }

    /// <summary>A write failed; <paramref name="what"/> says what was being written ("result 240ac4123456-7").</summary>
    public void WriteFailed(string what, Exception error)
    {
        string reason = Reason(error);
        DateTimeOffset now = clock.GetUtcNow();
        int failures;
        lock (_gate)
        {
            _problem = _problem is null ? new WriteProblem(reason, now, 1) : _problem with { Reason = reason, Failures = _problem.Failures + 1 };
            _failuresSinceLogged++;
            if (_problem.Failures > 1 && now - _loggedAt < LogEvery)
            {
                return;
            }
            failures = _failuresSinceLogged;
            _failuresSinceLogged = 0;
            _loggedAt = now;
        }
        logger.LogError(error, "The display cannot write to its database: {Reason} ({Failures} writes failed since the last entry, the latest {What}); unstored results stay on the mats",
            reason, failures, what);
    }

    public void WriteSucceeded()
    {
        WriteProblem? ended;
        lock (_gate)
        {
            ended = _problem;
            _problem = null;
            _failuresSinceLogged = 0;
        }
        if (ended is not null)
        {
            logger.LogWarning("The display writes to its database again, after {Failures} failed writes since {Since}", ended.Failures, ended.Since);
        }
    }

    /// <summary>The cause in a technician's words, for the errors that have an obvious remedy.</summary>
    public static string Reason(Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: 13 } => "the disk is full",
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } => "the database server's disk is full",
        SqliteException { SqliteErrorCode: 8 } => "the database file is read-only",
        IOException { HResult: 28 or 0x70 } => "the disk is full",
        DbException or IOException or NpgsqlException => error.Message,
        _ => error.GetType().Name + ": " + error.Message,
    };
}
