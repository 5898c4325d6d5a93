// `cargo xtask bench` runs this: live chat's sockets under load, on loopback.
//   1. Held sockets: conversations started from many loopback addresses (the server limits
//      starts per address), then SOCKETS shopper sockets opened and caught up, all idle; the
//      server's resident memory before and after.
//   2. Delivery: an agent socket beside each of RATE conversations; every shopper sends one
//      message a second, spread evenly (RATE messages a second in all) for SECONDS; the time
//      from a shopper's send to the agent's socket receiving the message.
// Prints one JSON object as its last line; xtask prints the table.
import { request } from "node:http";
import { readFileSync } from "node:fs";
import WebSocket from "ws";
import { startServer } from "../e2e/harness.mjs";

const SOCKETS = Number(process.env.SF_BENCH_SOCKETS ?? 10_000);
const RATE = Number(process.env.SF_BENCH_RATE ?? 1_000);
const SECONDS = Number(process.env.SF_BENCH_SECONDS ?? 10);
const CONVERSATIONS = RATE;
// The server allows a few starts per address; each loopback address stands for a shopper.
const STARTS_PER_ADDRESS = 5;

const server = await startServer(["--chat-hours", "always"]);
const { hostname, port } = new URL(server.url);

/** A JSON request to the server from `localAddress`; the parsed answer. */
function call(method, path, body, { token, localAddress } = {}) {
  return new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: hostname,
        port,
        method,
        path,
        localAddress,
        headers: {
          ...(text ? { "content-type": "application/json" } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (response) => {
        let answer = "";
        response.on("data", (chunk) => (answer += chunk));
        response.on("end", () =>
          response.statusCode < 300 ? resolve(JSON.parse(answer)) : reject(new Error(`${path}: ${response.statusCode} ${answer}`)),
        );
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

const socketUrl = `ws://${hostname}:${port}/api/v1/chat/socket`;

/** A socket past its hello and replay; `onMessage(frame)` sees every later frame. */
function openSocket(hello, onMessage = () => {}, localAddress) {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(socketUrl, { localAddress, perMessageDeflate: false });
    socket.on("open", () => socket.send(JSON.stringify({ type: "hello", after: 0, conversation_id: null, ...hello })));
    socket.on("error", reject);
    let caughtUp = false;
    socket.on("message", (data) => {
      const frame = JSON.parse(data);
      if (!caughtUp) {
        if (frame.type === "caught_up") {
          caughtUp = true;
          resolve(socket);
        } else if (frame.type === "refused") reject(new Error(`refused: ${data}`));
        return;
      }
      onMessage(frame);
    });
  });
}

/** Resident memory of the server, in bytes (Linux). */
function serverMemory() {
  const status = readFileSync(`/proc/${server.pid}/status`, "utf8");
  return Number(status.match(/VmRSS:\s+(\d+) kB/)[1]) * 1024;
}

async function inBatches(count, size, make) {
  const made = [];
  for (let start = 0; start < count; start += size) {
    const batch = [];
    for (let index = start; index < Math.min(count, start + size); index++) batch.push(make(index));
    made.push(...(await Promise.all(batch)));
  }
  return made;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];

let result;
try {
  const address = (index) => `127.0.${1 + Math.floor(index / STARTS_PER_ADDRESS / 250)}.${1 + (Math.floor(index / STARTS_PER_ADDRESS) % 250)}`;
  const conversations = await inBatches(CONVERSATIONS, 50, (index) =>
    call(
      "POST",
      "/api/v1/chat/conversations",
      { email: `bench${index}@example.com`, message: "Hello", client_id: "first" },
      { localAddress: address(index) },
    ),
  );
  const memoryBefore = serverMemory();
  const held = await inBatches(SOCKETS, 200, (index) =>
    openSocket({ token: conversations[index % conversations.length].token }),
  );
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const memoryHeld = serverMemory();
  for (const socket of held) socket.close();

  const session = await call("POST", "/api/v1/agent/session", { email: "agent@demo.store", password: "demo-agent-password" });
  const sentAt = new Map();
  const latencies = [];
  const agents = await inBatches(CONVERSATIONS, 100, (index) =>
    openSocket({ token: session.token, conversation_id: conversations[index].conversation_id }, (frame) => {
      if (frame.type !== "message" || frame.message.author !== "shopper") return;
      const started = sentAt.get(frame.message.client_id);
      if (started !== undefined) latencies.push(performance.now() - started);
    }),
  );
  const shoppers = await inBatches(CONVERSATIONS, 100, (index) => openSocket({ token: conversations[index].token }));
  let sent = 0;
  const total = RATE * SECONDS;
  const began = performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      // Catch up to where the clock says the schedule should be: a steady RATE per second.
      const due = Math.min(total, Math.floor(((performance.now() - began) / 1000) * RATE));
      while (sent < due) {
        const clientId = `m${sent}`;
        sentAt.set(clientId, performance.now());
        shoppers[sent % shoppers.length].send(JSON.stringify({ type: "send", client_id: clientId, body: "Where is my parcel?" }));
        sent++;
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  for (const socket of [...agents, ...shoppers]) socket.close();
  const sorted = latencies.sort((a, b) => a - b);
  result = {
    sockets: held.length,
    memoryBefore,
    memoryHeld,
    sent: total,
    delivered: sorted.length,
    rate: RATE,
    seconds: SECONDS,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
  };
} finally {
  await server.stop();
}
console.log(JSON.stringify(result));
