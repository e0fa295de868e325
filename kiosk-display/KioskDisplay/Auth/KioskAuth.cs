using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Kiosk.Display.Auth;

/// <summary>Cookie login for staff and technicians; users come from configuration (Kiosk:Users).</summary>
public static class KioskAuth
{
    public const string StaffRole = "staff";
    public const string TechnicianRole = "technician";
    public const string StaffPolicy = "staff";
    public const string TechnicianPolicy = "technician";

    public static IServiceCollection AddKioskAuth(this IServiceCollection services)
    {
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(cookie =>
        {
            cookie.LoginPath = "/login";
            cookie.Cookie.Name = "kiosk-staff";
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.HttpOnly = true;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
            cookie.Events.OnRedirectToLogin = context => ApiAware(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => ApiAware(context, StatusCodes.Status403Forbidden);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(StaffRole))
            .AddPolicy(TechnicianPolicy, policy => policy.RequireRole(TechnicianRole));
        return services;
    }

    /// <summary>APIs answer with the status code; pages redirect to login, or say plainly that the role is missing.</summary>
    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        if (status == StatusCodes.Status401Unauthorized)
        {
            context.Response.Redirect(context.RedirectUri);
            return Task.CompletedTask;
        }
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync("""
            <!doctype html><meta charset="utf-8"><title>Not allowed</title><link rel="stylesheet" href="/css/staff.css">
            <main><h1>Not allowed</h1><p>Your account cannot open this page. <a href="/login">Sign in with another account</a>.</p></main>
            """);
    }

    /// <summary>The signed-in principal for a user name and password, or null.</summary>
    public static ClaimsPrincipal? CheckPassword(KioskOptions options, string? name, string? password)
    {
        var user = options.Users.FirstOrDefault(u => string.Equals(u.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (user is null || password is null || !PasswordHashing.Verify(password, user.PasswordHash)) return null;
        var claims = new List<Claim> { new(ClaimTypes.Name, user.Name) };
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth");
        group.MapPost("/login", async (HttpContext http, IOptions<KioskOptions> options, LoginRequest login) =>
        {
            var principal = CheckPassword(options.Value, login.Name, login.Password);
            if (principal is null) return Results.Problem("wrong name or password", statusCode: StatusCodes.Status401Unauthorized);
            await http.SignInAsync(principal);
            return Results.Ok(new { name = principal.Identity!.Name });
        });
        group.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync();
            return Results.Ok();
        });
        return group;
    }

    public sealed record LoginRequest(string? Name, string? Password);
}
