import Link from "next/link";

export default function HomePage() {
  return (
    <div className="home">
      <h1>Behind the Headline</h1>
      <p className="home__lead">
        A short course in reading news about terrorism critically: how a label like “lone wolf” frames a story, what a claim of
        responsibility does and does not show, how to trace a claim to its source, and how to read the numbers.
      </p>
      <p>
        Five units, each built on real news articles, each with a quiz that gives you feedback on every answer. A short
        assessment before and after shows how your judgement has grown.
      </p>
      <p className="home__actions">
        <Link className="button button--primary" href="/signup">
          Join your class
        </Link>
        <Link className="button" href="/signin">
          Sign in
        </Link>
        <Link className="button" href="/course">
          Go to the course
        </Link>
      </p>
    </div>
  );
}
