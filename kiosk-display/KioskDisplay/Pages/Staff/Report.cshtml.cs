namespace Kiosk.Display.Pages.Staff;

public class ReportModel(IScanStore store, ICatalogStore catalog, Recommender recommender) : ScanPageModel(store, catalog, recommender);
