import { HomeActions } from "@/components/ui/HomeActions";

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
      <HomeActions />
    </div>
  );
}
