const http = require("node:http");
http.createServer((_, res) => res.end("hello\n")).listen(3000);
