import { Link } from "react-router";
import { paths } from "@/config/paths";
import { messages } from "@/lib/messages";

export function NotFoundPage() {
  return (
    <div className="page stack">
      <title>{messages.app.pageTitle(messages.app.notFoundTitle)}</title>
      <h1>{messages.app.notFoundTitle}</h1>
      <p>{messages.app.notFoundBody}</p>
      <p>
        <Link to={paths.home}>{messages.app.backHome}</Link>
      </p>
    </div>
  );
}
