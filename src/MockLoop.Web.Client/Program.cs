using Microsoft.AspNetCore.Components.WebAssembly.Hosting;

// The room's components are rendered by the server's pages (InteractiveWebAssembly); this host only starts the runtime.
var builder = WebAssemblyHostBuilder.CreateDefault(args);
await builder.Build().RunAsync();
