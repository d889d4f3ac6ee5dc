import { Link } from "react-router";
import { paths } from "@/config/paths";
import { PageTitle } from "@/components/page-title";
import { useT } from "@/lib/i18n";

export function NotFoundPage() {
  const t = useT();
  return (
    <div className="page stack">
      <PageTitle page={t("app.notFoundTitle")} />
      <h1>{t("app.notFoundTitle")}</h1>
      <p>{t("app.notFoundBody")}</p>
      <p>
        <Link to={paths.home}>{t("app.backHome")}</Link>
      </p>
    </div>
  );
}
