import { useT } from "@/lib/i18n";

/** The document title, "Security · Dashboard", in the UI language (React puts it in <head>). */
export function PageTitle({ page }: { page: string }) {
  const t = useT();
  return <title>{t("app.pageTitle", { page, product: t("app.productName") })}</title>;
}
