package dev.tarsspeedy.market.interest;

/**
 * Told after a new interest state was committed, on the thread that committed it (a Kafka consumer thread): the quote
 * feature fetches a newly followed symbol at once. Implementations return quickly and do their work asynchronously.
 */
public interface InterestListener {

    void interestChanged(Interest interest, boolean wasFollowed);
}
