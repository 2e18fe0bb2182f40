var app = WebApplication.Create(args);
app.MapGet("/health", () => "ok");
app.MapGet("/", () => Lib.Greeting.Text);
app.Run();
