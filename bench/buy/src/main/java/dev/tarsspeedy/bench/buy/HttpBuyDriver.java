package dev.tarsspeedy.bench.buy;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * The bench's own HTTP load generator for (c) to (f) ({@code --driver netty}): {@link OpenModelDriver}'s schedule
 * (attempt {@code i} due at {@code start + i / rate}, latency from when it was due) with each attempt one
 * {@code POST /api/drops/{id}/orders}, over a fixed pool of kept HTTP/1.1 connections (as behind one load balancer,
 * like Gatling's shared connections): an attempt takes an idle connection, or opens one while fewer than the pool's
 * size are open, or waits for the next connection to come free. An attempt without its whole answer within the timeout
 * is an error ({@code ReadTimeoutException}), and its connection is closed.
 *
 * <p>Plain Netty on one event loop that owns the pool, with nothing per request beyond encoding it and decoding the
 * answer: the load generator shares the two cores with the services it measures, so every microsecond it spends is
 * taken from them. Reactor Netty's client, its first implementation, took about 240 µs of CPU per attempt
 * (docs/benchmarks.md). What Gatling does per request (sessions, checks, its own report log) it leaves out too;
 * {@code --driver both} runs the two side by side to check that they measure the same.
 */
final class HttpBuyDriver implements AutoCloseable {

    static final String BODY = "{\"quantity\":1}";

    private static final byte[] BODY_BYTES = BODY.getBytes(StandardCharsets.UTF_8);
    private static final AttributeKey<Exchange> CURRENT = AttributeKey.valueOf("bench-exchange");

    /** One attempt: its request, and the outcome its caller waits for. */
    private static final class Exchange {
        final FullHttpRequest request;
        /** A buy (202 accepted, 409 refused) or a reference row's request (200 its only answer). */
        final boolean buy;

        final CompletableFuture<OpenModelDriver.Outcome> outcome = new CompletableFuture<>();
        Channel channel;
        ScheduledFuture<?> timeout;

        Exchange(FullHttpRequest request, boolean buy) {
            this.request = request;
            this.buy = buy;
        }
    }

    private final EventLoopGroup group;
    /** The one thread that owns the pool: every field below is read and written on it alone. */
    private final EventLoop loop;

    private final Bootstrap bootstrap;
    private final String host;
    private final int maxConnections;
    private final long timeoutNanos;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private int open;
    /** What the errors were: {@code HTTP 503}, {@code ReadTimeoutException} (no answer in time), ... */
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    HttpBuyDriver(String baseUrl, int maxConnections, Duration timeout) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost() + ":" + uri.getPort();
        this.maxConnections = maxConnections;
        this.timeoutNanos = timeout.toNanos();
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(1, io);
        this.loop = group.next();
        this.bootstrap = new Bootstrap()
                .group(loop)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), Integer.MAX_VALUE))
                .remoteAddress(uri.getHost(), uri.getPort())
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new HttpClientCodec())
                                .addLast(new HttpObjectAggregator(1 << 20))
                                .addLast(new Answers());
                    }
                });
    }

    /** One buyer's attempt: 202 accepted, 409 refused, anything else (or no answer in time) an error. */
    CompletionStage<OpenModelDriver.Outcome> buy(String dropId, String token) {
        FullHttpRequest request = new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.POST,
                "/api/drops/" + dropId + "/orders",
                Unpooled.wrappedBuffer(BODY_BYTES));
        headers(request, token)
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.CONTENT_LENGTH, BODY_BYTES.length)
                .set("Idempotency-Key", idempotencyKey());
        return submit(new Exchange(request, true));
    }

    /** A reference row's request: {@code GET path} with the buyer's token; 200 is the answer, anything else an error. */
    CompletionStage<OpenModelDriver.Outcome> get(String path, String token) {
        FullHttpRequest request =
                new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, path, Unpooled.EMPTY_BUFFER);
        headers(request, token);
        return submit(new Exchange(request, false));
    }

    private HttpHeaders headers(FullHttpRequest request, String token) {
        return request.headers()
                .set(HttpHeaderNames.HOST, host)
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON)
                .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token);
    }

    /** A random key per attempt; {@code UUID.randomUUID()}'s secure random is more than a benchmark's keys need. */
    private static String idempotencyKey() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private CompletionStage<OpenModelDriver.Outcome> submit(Exchange exchange) {
        loop.execute(() -> dispatch(exchange));
        return exchange.outcome;
    }

    private void dispatch(Exchange exchange) {
        exchange.timeout = loop.schedule(() -> timedOut(exchange), timeoutNanos, TimeUnit.NANOSECONDS);
        Channel channel = idle.pollFirst();
        if (channel != null) {
            send(channel, exchange);
        } else if (open < maxConnections) {
            connect(exchange);
        } else {
            waiting.addLast(exchange);
        }
    }

    private void connect(Exchange exchange) {
        open++;
        bootstrap.connect().addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                open--;
                fail(exchange, connected.cause().getClass().getSimpleName());
                return;
            }
            Channel channel = connected.channel();
            channel.closeFuture().addListener(closed -> closed(channel));
            send(channel, exchange);
        });
    }

    private void send(Channel channel, Exchange exchange) {
        if (exchange.outcome.isDone()) { // timed out while it waited for a connection
            ReferenceCountUtil.release(exchange.request);
            release(channel);
            return;
        }
        exchange.channel = channel;
        channel.attr(CURRENT).set(exchange);
        channel.writeAndFlush(exchange.request).addListener((ChannelFutureListener) written -> {
            if (!written.isSuccess()) {
                fail(exchange, written.cause().getClass().getSimpleName());
                written.channel().close();
            }
        });
    }

    /** A connection whose answer arrived: the next waiting attempt takes it, else it waits for one. */
    private void release(Channel channel) {
        if (!channel.isActive()) {
            return;
        }
        Exchange next = nextWaiting();
        if (next != null) {
            send(channel, next);
        } else {
            idle.addLast(channel);
        }
    }

    /** The first waiting attempt that has not timed out yet; those that have are dropped on the way (a loop, not a
     *  recursion: after a collapse thousands of them may be waiting). */
    private Exchange nextWaiting() {
        Exchange next;
        while ((next = waiting.pollFirst()) != null && next.outcome.isDone()) {
            ReferenceCountUtil.release(next.request);
        }
        return next;
    }

    private void closed(Channel channel) {
        open--;
        idle.remove(channel);
        Exchange current = channel.attr(CURRENT).getAndSet(null);
        if (current != null) {
            fail(current, "PrematureCloseException");
        }
        // An attempt waiting for a connection gets a new one in place of the one that closed.
        Exchange next = nextWaiting();
        if (next != null) {
            connect(next);
        }
    }

    private void timedOut(Exchange exchange) {
        if (exchange.outcome.isDone()) {
            return;
        }
        complete(exchange, error("ReadTimeoutException"));
        if (exchange.channel != null) {
            // An answer may still come on it; the connection cannot carry another request before that.
            exchange.channel.attr(CURRENT).set(null);
            exchange.channel.close();
        }
    }

    private void fail(Exchange exchange, String kind) {
        if (!exchange.outcome.isDone()) {
            complete(exchange, error(kind));
        }
    }

    private void complete(Exchange exchange, OpenModelDriver.Outcome outcome) {
        if (exchange.timeout != null) {
            exchange.timeout.cancel(false);
        }
        exchange.outcome.complete(outcome);
    }

    private final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        protected void channelRead0(ChannelHandlerContext context, FullHttpResponse response) {
            Channel channel = context.channel();
            Exchange exchange = channel.attr(CURRENT).getAndSet(null);
            if (exchange == null) { // an answer after its attempt timed out; the connection is closing
                return;
            }
            int status = response.status().code();
            if (!exchange.outcome.isDone()) {
                complete(exchange, outcome(status, exchange.buy));
            }
            if (HttpUtil.isKeepAlive(response)) {
                release(channel);
            } else {
                channel.close();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            Exchange exchange = context.channel().attr(CURRENT).getAndSet(null);
            if (exchange != null) {
                fail(exchange, cause.getClass().getSimpleName());
            }
            context.close();
        }
    }

    private OpenModelDriver.Outcome outcome(int status, boolean buy) {
        if (status == (buy ? 202 : 200)) {
            return OpenModelDriver.Outcome.ACCEPTED;
        }
        return buy && status == 409 ? OpenModelDriver.Outcome.REFUSED : error("HTTP " + status);
    }

    private OpenModelDriver.Outcome error(String kind) {
        errorKinds.computeIfAbsent(kind, any -> new LongAdder()).increment();
        return OpenModelDriver.Outcome.ERROR;
    }

    /** The errors since the last call, most frequent first ({@code "ReadTimeoutException 530, HTTP 503 6"}); clears them. */
    String takeErrorKinds() {
        String text = errorKinds.entrySet().stream()
                .sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum))
                        .reversed())
                .map(entry -> entry.getKey() + " " + entry.getValue().sum())
                .collect(Collectors.joining(", "));
        errorKinds.clear();
        return text;
    }

    /** Runs {@code rate * duration} buys on the drop, each with the next token. */
    OpenModelDriver.Result run(String dropId, List<String> tokens, int rate, Duration duration, Duration grace) {
        return OpenModelDriver.run(
                rate, duration, grace, index -> buy(dropId, tokens.get((int) (index % tokens.size()))));
    }

    /** Runs {@code rate * duration} reference requests, each with the next token. */
    OpenModelDriver.Result runGet(String path, List<String> tokens, int rate, Duration duration, Duration grace) {
        return OpenModelDriver.run(
                rate, duration, grace, index -> get(path, tokens.get((int) (index % tokens.size()))));
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
