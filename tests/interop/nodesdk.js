// SPDX-License-Identifier: MIT
// Drives dayboard-server through the official HPKV Node SDK (@hpkv/websocket-client).
// Starts nothing itself: DAYBOARD_BASE_URL (http://host:port) and DAYBOARD_API_KEY come from the
// environment (tests/interop/tst_interop_nodesdk.cpp sets them). Exits 0 when every check
// passes, 1 with a message naming the first mismatch otherwise.
'use strict';

const assert = require('node:assert/strict');
const {
    HPKVClientFactory,
    HPKVError,
    WebsocketTokenManager,
} = require('@hpkv/websocket-client');

const baseUrl = process.env.DAYBOARD_BASE_URL;
const apiKey = process.env.DAYBOARD_API_KEY;
const notificationTimeoutMs = 10000;

const clients = [];

function track(client) {
    client.on('error', () => {}); // connect() rejects with the same error; no unhandled noise
    clients.push(client);
    return client;
}

/** Collects notifications and lets a check wait for the next one matching a predicate. */
class NotificationLog {
    constructor() {
        this.received = [];
        this.waiters = [];
    }
    push(notification) {
        this.received.push({ notification, at: Date.now() });
        this.waiters = this.waiters.filter(waiter => !waiter.check());
    }
    waitFor(description, predicate) {
        return new Promise((resolve, reject) => {
            const waiter = {
                check: () => {
                    const hit = this.received.find(entry => predicate(entry.notification));
                    if (!hit)
                        return false;
                    clearTimeout(waiter.timer);
                    resolve(hit);
                    return true;
                },
            };
            if (waiter.check())
                return;
            waiter.timer = setTimeout(() => {
                this.waiters = this.waiters.filter(other => other !== waiter);
                reject(new Error(`no notification ${description} within ${notificationTimeoutMs} ms; got ${JSON.stringify(this.received.map(entry => entry.notification))}`));
            }, notificationTimeoutMs);
            this.waiters.push(waiter);
        });
    }
}

async function expectError(description, promise, code) {
    try {
        await promise;
    } catch (error) {
        assert.ok(error instanceof HPKVError, `${description}: expected an HPKVError, got ${error}`);
        assert.equal(error.code, code, `${description}: error code`);
        return error;
    }
    throw new Error(`${description}: expected error ${code}, the call succeeded`);
}

async function step(name, body) {
    try {
        await body();
        console.log(`ok   ${name}`);
    } catch (error) {
        error.message = `${name}: ${error.message}`;
        throw error;
    }
}

async function main() {
    if (!baseUrl || !apiKey)
        throw new Error('set DAYBOARD_BASE_URL (http://host:port) and DAYBOARD_API_KEY');
    const api = track(HPKVClientFactory.createApiClient(apiKey, baseUrl));

    await step('connect with the API key', () => api.connect());

    await step('set and get', async () => {
        const set = await api.set('interop:todo', { name: 'milk', n: 1 });
        assert.equal(set.code, 200);
        assert.equal(set.success, true);
        assert.equal(typeof set.message, 'string');
        assert.ok(!('key' in set), 'SET reply must not carry key');
        assert.ok(!('error' in set), 'SET reply must not carry error');
        const get = await api.get('interop:todo');
        assert.equal(get.code, 200);
        assert.equal(get.key, 'interop:todo');
        assert.equal(get.value, '{"name":"milk","n":1}');
    });

    await step('patch (partial update) merges objects and appends text', async () => {
        const patch = await api.set('interop:todo', { n: 2, done: true }, true);
        assert.equal(patch.success, true);
        assert.equal((await api.get('interop:todo')).value, '{"name":"milk","n":2,"done":true}');
        await api.set('interop:text', 'abc');
        await api.set('interop:text', 'def', true);
        assert.equal((await api.get('interop:text')).value, 'abcdef');
    });

    await step('range', async () => {
        const all = await api.range('interop:', 'interop:~');
        assert.equal(all.code, 200);
        assert.deepEqual(all.records.map(record => record.key), ['interop:text', 'interop:todo']);
        assert.equal(all.records[0].value, 'abcdef');
        assert.equal(all.count, 2);
        assert.equal(all.truncated, false);
        const one = await api.range('interop:', 'interop:~', { limit: 1 });
        assert.equal(one.records.length, 1);
        assert.equal(one.truncated, true);
    });

    await step('atomic increment', async () => {
        const first = await api.atomicIncrement('interop:counter', 5);
        assert.equal(first.success, true);
        assert.equal(first.newValue, 5);
        const second = await api.atomicIncrement('interop:counter', -2);
        assert.equal(second.newValue, 3);
        assert.equal((await api.get('interop:counter')).value, '3');
        await expectError('atomic on text', api.atomicIncrement('interop:text', 1), 400);
    });

    await step('delete, then get and delete are 404', async () => {
        const deleted = await api.delete('interop:text');
        assert.equal(deleted.success, true);
        assert.ok(!('key' in deleted), 'DELETE reply must not carry key');
        await expectError('get deleted', api.get('interop:text'), 404);
        await expectError('delete deleted', api.delete('interop:text'), 404);
    });

    const watched = 'interop:watched';
    const log = new NotificationLog();
    let subscriber;
    await step('token for a key and a subscription client', async () => {
        const token = await new WebsocketTokenManager(apiKey, baseUrl).generateToken({
            subscribeKeys: [watched],
            accessPattern: '^interop:*$',
        });
        assert.equal(typeof token, 'string');
        assert.ok(token.length > 0);
        assert.ok(!token.includes(apiKey), 'the token carries the API key');
        subscriber = track(HPKVClientFactory.createSubscriptionClient(token, baseUrl));
        await subscriber.connect();
        subscriber.subscribe(notification => log.push(notification));
    });

    await step('notification for a write by the API client', async () => {
        const started = Date.now();
        await api.set(watched, 'v1');
        const hit = await log.waitFor(`${watched}=v1`, n => n.key === watched && n.value === 'v1');
        assert.equal(hit.notification.type, 'notification');
        assert.equal(typeof hit.notification.timestamp, 'number');
        console.log(`     notification after ${hit.at - started} ms`);
    });

    await step('notification with value null after delete', async () => {
        await api.delete(watched);
        await log.waitFor(`${watched}=null`, n => n.key === watched && n.value === null);
    });

    await step("the subscriber's own write notifies it; access pattern enforced", async () => {
        const own = await subscriber.set(watched, 'v2');
        assert.equal(own.success, true);
        await log.waitFor(`${watched}=v2`, n => n.key === watched && n.value === 'v2');
        assert.equal((await subscriber.get('interop:todo')).key, 'interop:todo');
        await expectError('token outside its access pattern', subscriber.get('other:1'), 403);
        assert.ok(!log.received.some(entry => entry.notification.key !== watched),
            'notification for a key the token does not subscribe to');
    });

    await step('base URL with a trailing slash (//ws) and ws:// scheme', async () => {
        const slash = track(HPKVClientFactory.createApiClient(apiKey, `${baseUrl}/`));
        await slash.connect();
        assert.equal((await slash.get('interop:counter')).value, '3');
        const ws = track(HPKVClientFactory.createApiClient(apiKey, baseUrl.replace(/^http/, 'ws') + '/ws'));
        await ws.connect();
        assert.equal((await ws.get('interop:counter')).value, '3');
    });

    await step('a wrong API key is refused at connect', async () => {
        const wrong = track(HPKVClientFactory.createApiClient('wrong-key', baseUrl, { maxReconnectAttempts: 1 }));
        await assert.rejects(wrong.connect(), /40[13]/);
    });

    await step('token generation with a wrong API key fails', async () => {
        await assert.rejects(new WebsocketTokenManager('wrong-key', baseUrl).generateToken({ subscribeKeys: ['x'] }),
            /40[13]/);
    });
}

main().then(async () => {
    for (const client of clients)
        await client.disconnect().catch(() => {});
    console.log('nodesdk: all checks passed');
    process.exit(0);
}, error => {
    console.error(`nodesdk: FAILED: ${error && error.message ? error.message : error}`);
    process.exit(1);
});
