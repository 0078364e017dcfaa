package io.providerkind.sdk;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory, but no more than a fixed number of bytes: an endpoint that is not
 * kindserver (or a broken proxy) must not be able to fill the provider's heap. Past the limit the exchange
 * is cancelled and the call fails with {@link TooLarge}.
 */
final class LimitedBody implements HttpResponse.BodyHandler<byte[]> {

    /** The body went past the limit; nothing of it is kept. */
    static final class TooLarge extends IOException {
        TooLarge(long limit) {
            super("the answer's body is larger than " + limit + " bytes");
        }

        static boolean in(Throwable failure) {
            Throwable t = failure;
            for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
                if (t instanceof TooLarge) {
                    return true;
                }
            }
            return false;
        }
    }

    private final long maxBytes;

    LimitedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long maxBytes() {
        return maxBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
        HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
        if (declared > maxBytes) {
            // refused before a byte is read: the subscriber cancels at once
            return new Counting(bytes, maxBytes, declared);
        }
        return new Counting(bytes, maxBytes, 0);
    }

    private static final class Counting implements HttpResponse.BodySubscriber<byte[]> {
        private final HttpResponse.BodySubscriber<byte[]> delegate;
        private final long maxBytes;
        private long received;
        private Flow.Subscription subscription;
        private boolean failed;

        Counting(HttpResponse.BodySubscriber<byte[]> delegate, long maxBytes, long alreadyKnown) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
            this.received = alreadyKnown;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return delegate.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            delegate.onSubscribe(subscription);
            if (received > maxBytes) {
                fail();
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (failed) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                received += buffer.remaining();
            }
            if (received > maxBytes) {
                fail();
                return;
            }
            delegate.onNext(buffers);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!failed) {
                delegate.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!failed) {
                delegate.onComplete();
            }
        }

        private void fail() {
            failed = true;
            subscription.cancel();
            delegate.onError(new TooLarge(maxBytes));
        }
    }
}
